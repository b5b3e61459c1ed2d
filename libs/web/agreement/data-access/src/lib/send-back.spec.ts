import { eventNode } from '../testing/versions';
import { type AgreementEvent } from './agreement-version';
import { standingSendBack } from './send-back';

function event(action: string, id: string): AgreementEvent {
  return eventNode({ action, id }) as unknown as AgreementEvent;
}

describe('standingSendBack', () => {
  it('finds the latest send-back through the edits made since', () => {
    const sentBack = event('SENT_BACK', '5');
    expect(
      standingSendBack([event('EDITED', '7'), event('EDITED', '6'), sentBack, event('PROPOSED', '4')]),
    ).toEqual({ event: sentBack, settled: true });
  });

  it('finds none once the draft was proposed again, or when it never was sent back', () => {
    expect([
      standingSendBack([event('EDITED', '8'), event('PROPOSED', '7'), event('SENT_BACK', '5')]),
      standingSendBack([event('EDITED', '2'), event('CREATED', '1')]),
    ]).toEqual([
      { event: null, settled: true },
      { event: null, settled: true },
    ]);
  });

  it('says when the events end before telling either way', () => {
    expect(standingSendBack([event('EDITED', '30'), event('EDITED', '29')])).toEqual({
      event: null,
      settled: false,
    });
  });
});
