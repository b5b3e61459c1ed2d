import { emptyListText } from './empty-list';

describe('emptyListText', () => {
  const words = { empty: 'No members yet.', failed: 'The members could not be loaded.' };

  it('tells loading, failed and empty apart', () => {
    expect([
      emptyListText({ loading: true, failed: false }, words),
      emptyListText({ loading: true, failed: true }, words),
      emptyListText({ loading: false, failed: true }, words),
      emptyListText({ loading: false, failed: false }, words),
    ]).toEqual(['Loading…', 'Loading…', 'The members could not be loaded.', 'No members yet.']);
  });
});
