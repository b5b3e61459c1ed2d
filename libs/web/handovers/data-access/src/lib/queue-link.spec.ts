import { queueOpening } from './queue-link';

describe('queueOpening', () => {
  it("opens the managers' expired handovers the escalation e-mail links", () => {
    expect(queueOpening({ scope: 'TEAM', view: 'EXPIRED' }, true)).toEqual({
      scope: 'TEAM',
      view: 'EXPIRED',
    });
  });

  it('opens my open handovers without a link, or with one it does not know', () => {
    expect(queueOpening({}, true)).toEqual({ scope: 'MINE', view: 'UNDECIDED' });
    expect(queueOpening({ scope: 'team', view: 'toString' }, true)).toEqual({
      scope: 'MINE',
      view: 'UNDECIDED',
    });
  });

  it('keeps a rep who is not a manager to their own queue, in the view the link names', () => {
    expect(queueOpening({ scope: 'TEAM', view: 'EXPIRED' }, false)).toEqual({
      scope: 'MINE',
      view: 'EXPIRED',
    });
    expect(queueOpening({ scope: 'UNASSIGNED' }, false)).toEqual({ scope: 'MINE', view: 'UNDECIDED' });
  });
});
