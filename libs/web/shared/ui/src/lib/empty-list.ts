/** What a list is doing while it shows no rows. */
export interface ListState {
  loading: boolean;
  failed: boolean;
}

/** The words for an empty list that loaded, and for one that could not load. */
export interface EmptyListWords {
  empty: string;
  failed: string;
}

/**
 * The line a table shows in place of rows. A list still loading, one that failed to load and one with nothing in it
 * are three different answers: saying "No members yet." under a failed request tells the admin something untrue.
 */
export function emptyListText(state: ListState, words: EmptyListWords): string {
  if (state.loading) return 'Loading…';
  return state.failed ? words.failed : words.empty;
}
