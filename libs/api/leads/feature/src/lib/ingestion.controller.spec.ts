import { NDJSON_TYPE, eventsOf } from './ingestion.controller';
import { InvalidJsonLine } from './signal-ingestion.service';

describe('eventsOf', () => {
  it('reads one JSON event or an array of them', () => {
    expect(eventsOf({ a: 1 }, 'application/json', 10)).toEqual({ events: [{ a: 1 }] });
    expect(eventsOf([{ a: 1 }, { b: 2 }], 'application/json; charset=utf-8', 10)).toEqual({
      events: [{ a: 1 }, { b: 2 }],
    });
  });

  it('reads NDJSON line by line, skipping blank lines and keeping bad lines as refusals in place', () => {
    const result = eventsOf('{"a":1}\n\nnot json\n{"b":2}\n', NDJSON_TYPE, 10);
    expect(result).toEqual({ events: [{ a: 1 }, new InvalidJsonLine('not json'), { b: 2 }] });
  });

  it('refuses a body that is neither', () => {
    expect(eventsOf('text', 'text/plain', 10)).toEqual({
      error: expect.stringContaining('application/json'),
    });
    expect(eventsOf({ a: 1 }, NDJSON_TYPE, 10)).toEqual({ error: expect.stringContaining('NDJSON') });
  });

  it('counts the events before parsing any: one more than the limit is too many, blank lines not counted', () => {
    expect(eventsOf('{}\n\n{}\n{}\n', NDJSON_TYPE, 3)).toEqual({ events: [{}, {}, {}] });
    expect(eventsOf('{}\n{}\n{}\nnot even json', NDJSON_TYPE, 3)).toEqual({ tooMany: true });
    expect(eventsOf('{}\n'.repeat(2_000_000), NDJSON_TYPE, 10_000)).toEqual({ tooMany: true });
    expect(eventsOf([{}, {}, {}, {}], 'application/json', 3)).toEqual({ tooMany: true });
  });
});
