import { NDJSON_TYPE, eventsOf, hasBody } from './ingestion.controller';
import { InvalidJsonLine } from './signal-ingestion.service';

const json = (body: unknown, contentType = 'application/json') => ({ body, contentType, present: true });
const ndjson = (body: string) => ({ body, contentType: NDJSON_TYPE, present: true });

describe('eventsOf', () => {
  it('reads one JSON event or an array of them', () => {
    expect(eventsOf(json({ a: 1 }), 10)).toEqual({ events: [{ a: 1 }] });
    expect(eventsOf(json([{ a: 1 }, { b: 2 }], 'application/json; charset=utf-8'), 10)).toEqual({
      events: [{ a: 1 }, { b: 2 }],
    });
  });

  it('reads NDJSON line by line, skipping blank lines and keeping bad lines as refusals in place', () => {
    const result = eventsOf(ndjson('{"a":1}\n\nnot json\n{"b":2}\n'), 10);
    expect(result).toEqual({
      events: [{ a: 1 }, new InvalidJsonLine('not json', 3), { b: 2 }],
      lines: [1, 3, 4],
    });
  });

  it('numbers NDJSON lines as an editor does, blank lines and CRLF line ends included', () => {
    expect(eventsOf(ndjson('\n\n{"a":1}\n\nnot json\n'), 10)).toEqual({
      events: [{ a: 1 }, new InvalidJsonLine('not json', 5)],
      lines: [3, 5],
    });
    expect(eventsOf(ndjson('{"a":1}\r\n\r\n{"b":2}\r\n'), 10)).toEqual({
      events: [{ a: 1 }, { b: 2 }],
      lines: [1, 3],
    });
  });

  it('holds no events when the request has no body, though the JSON parser reads it as {}', () => {
    expect(eventsOf({ body: {}, contentType: 'application/json', present: false }, 10)).toEqual({
      events: [],
    });
    expect(eventsOf({ body: undefined, contentType: '', present: false }, 10)).toEqual({ events: [] });
    // A body of "{}" is one event, refused for what it lacks.
    expect(eventsOf(json({}), 10)).toEqual({ events: [{}] });
  });

  it('refuses a body that is neither, and JSON that is no event', () => {
    expect(eventsOf(json(undefined, 'text/plain'), 10)).toEqual({
      error: expect.stringContaining('application/json'),
    });
    expect(eventsOf({ ...json({ a: 1 }), contentType: NDJSON_TYPE }, 10)).toEqual({
      error: expect.stringContaining('NDJSON'),
    });
    for (const body of [42, null, 'text']) {
      expect(eventsOf(json(body), 10)).toEqual({
        error: 'The request body must be an event object or an array of events.',
      });
    }
  });

  it('counts the events before parsing any: one more than the limit is too many, blank lines not counted', () => {
    expect(eventsOf(ndjson('{}\n\n{}\n{}\n'), 3)).toEqual({ events: [{}, {}, {}], lines: [1, 3, 4] });
    expect(eventsOf(ndjson('{}\n{}\n{}\nnot even json'), 3)).toEqual({ tooMany: true });
    expect(eventsOf(ndjson('{}\n'.repeat(2_000_000)), 10_000)).toEqual({ tooMany: true });
    expect(eventsOf(json([{}, {}, {}, {}]), 3)).toEqual({ tooMany: true });
  });
});

describe('hasBody', () => {
  it('reads the body from Content-Length or a chunked Transfer-Encoding', () => {
    expect(hasBody({ 'content-length': '0' })).toBe(false);
    expect(hasBody({})).toBe(false);
    expect(hasBody({ 'content-length': '2' })).toBe(true);
    expect(hasBody({ 'transfer-encoding': 'chunked' })).toBe(true);
  });
});
