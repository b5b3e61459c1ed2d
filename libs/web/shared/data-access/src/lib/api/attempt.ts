import { ApiResult, toApiError } from './api-error';

/** Runs a call and answers with its value or the ApiError it failed with, so callers branch instead of catching. */
export async function attempt<T>(call: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

/** The data of an answer, which the schema promises; its absence is a failed call, not a null to pass on. */
export function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('The API returned no data.');
  return value;
}
