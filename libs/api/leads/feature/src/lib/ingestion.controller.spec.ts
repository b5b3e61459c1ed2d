import { NDJSON_TYPE, eventsOf } from './ingestion.controller';
import { InvalidJsonLine } from './signal-ingestion.service';

describe('eventsOf', () => {
  it('reads one JSON event or an array of them', () => {
    expect(eventsOf({ a: 1 }, 'application/json')).toEqual({ events: [{ a: 1 }] });
    expect(eventsOf([{ a: 1 }, { b: 2 }], 'application/json; charset=utf-8')).toEqual({
      events: [{ a: 1 }, { b: 2 }],
    });
  });

  it('reads NDJSON line by line, skipping blank lines and keeping bad lines as refusals in place', () => {
    const result = eventsOf('{"a":1}\n\nnot json\n{"b":2}\n', NDJSON_TYPE);
    expect(result).toEqual({ events: [{ a: 1 }, new InvalidJsonLine('not json'), { b: 2 }] });
  });

  it('refuses a body that is neither', () => {
    expect(eventsOf('text', 'text/plain')).toEqual({ error: expect.stringContaining('application/json') });
    expect(eventsOf({ a: 1 }, NDJSON_TYPE)).toEqual({ error: expect.stringContaining('NDJSON') });
  });
});
