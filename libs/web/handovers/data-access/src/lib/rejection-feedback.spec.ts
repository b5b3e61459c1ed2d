import { NO_GROUP, feedbackSince, feedbackTable } from './rejection-feedback';

describe('feedbackTable', () => {
  it('pivots reasons across and groups down, most rejected first', () => {
    const table = feedbackTable([
      { group: 'webinar', reasonKey: 'not-ready', reasonLabel: 'Not ready to buy', count: 2 },
      { group: 'website', reasonKey: 'competitor', reasonLabel: 'Competitor', count: 1 },
      { group: 'website', reasonKey: 'not-ready', reasonLabel: 'Not ready to buy', count: 4 },
      { group: null, reasonKey: 'competitor', reasonLabel: 'Competitor', count: 1 },
    ]);

    expect(table).toEqual({
      reasons: [
        { key: 'not-ready', label: 'Not ready to buy', total: 6 },
        { key: 'competitor', label: 'Competitor', total: 2 },
      ],
      rows: [
        { group: 'website', counts: [4, 1], total: 5 },
        { group: 'webinar', counts: [2, 0], total: 2 },
        { group: NO_GROUP, counts: [0, 1], total: 1 },
      ],
    });
  });

  it('is empty without rejections', () => {
    expect(feedbackTable([])).toEqual({ reasons: [], rows: [] });
  });
});

describe('feedbackSince', () => {
  it('starts at midnight UTC 90 days back', () => {
    expect(feedbackSince(new Date('2026-11-25T15:30:00.000Z'))).toBe('2026-08-27T00:00:00.000Z');
  });

  it('starts the window chosen back, across a year', () => {
    expect(feedbackSince(new Date('2026-11-25T15:30:00.000Z'), 30)).toBe('2026-10-26T00:00:00.000Z');
    expect(feedbackSince(new Date('2026-11-25T15:30:00.000Z'), 365)).toBe('2025-11-25T00:00:00.000Z');
  });
});
