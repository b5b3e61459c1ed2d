import { queueOpening, queueParams } from './queue-link';

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

describe('queueParams', () => {
  it('names the scope and view that differ from my open handovers, and nothing for those', () => {
    expect(queueParams({ scope: 'TEAM', view: 'EXPIRED' })).toEqual({ scope: 'TEAM', view: 'EXPIRED' });
    expect(queueParams({ scope: 'UNASSIGNED', view: 'UNDECIDED' })).toEqual({
      scope: 'UNASSIGNED',
      view: null,
    });
    expect(queueParams({ scope: 'MINE', view: 'UNDECIDED' })).toEqual({ scope: null, view: null });
  });

  it('opens again the queue it names', () => {
    const params = queueParams({ scope: 'TEAM', view: 'DECIDED' });
    expect(queueOpening({ scope: params.scope ?? undefined, view: params.view ?? undefined }, true)).toEqual({
      scope: 'TEAM',
      view: 'DECIDED',
    });
  });
});
