import { SAM_ID, signatureNode, version } from '../../testing/fixtures';
import { maySendBack, signableSides, waitingText } from './signing';

const mia = { memberId: 'mia-id', roles: ['MARKETING'] as const, approver: true };
const sam = { memberId: SAM_ID, roles: ['SALES'] as const, approver: true };
const both = { memberId: 'bo-id', roles: ['MARKETING', 'SALES'] as const, approver: true };
const exec = { memberId: 'eve-id', roles: ['EXECUTIVE'] as const, approver: false };

describe('signableSides', () => {
  it('offers each approver their own side of a proposal', () => {
    const proposal = version();

    expect([
      signableSides(proposal, mia),
      signableSides(proposal, sam),
      signableSides(proposal, exec),
    ]).toEqual([['MARKETING'], ['SALES'], []]);
  });

  it('offers no side that is signed already, nor the other side to someone who signed one', () => {
    const signed = version({ signatures: [signatureNode('MARKETING', 'bo-id', 'Bo Both')] });

    expect([signableSides(signed, mia), signableSides(signed, sam), signableSides(signed, both)]).toEqual([
      [],
      ['SALES'],
      [],
    ]);
  });

  it('offers nothing on a draft or a published version', () => {
    expect([
      signableSides(version({ status: 'DRAFT' }), mia),
      signableSides(version({ status: 'PUBLISHED' }), sam),
      signableSides(version({ status: 'SUPERSEDED' }), sam),
    ]).toEqual([[], [], []]);
  });

  it('ignores the approver flag of a member who is not an approver', () => {
    expect(signableSides(version(), { ...mia, approver: false })).toEqual([]);
  });
});

describe('maySendBack', () => {
  it('lets approvers, marketing and admins send a proposal back, and no one a draft', () => {
    expect([
      maySendBack(version(), sam),
      maySendBack(version(), { memberId: 'ann', roles: ['ADMIN'], approver: false }),
      maySendBack(version(), exec),
      maySendBack(version({ status: 'DRAFT' }), mia),
    ]).toEqual([true, true, false, false]);
  });
});

describe('waitingText', () => {
  it('names the side a proposal still waits for, and nothing once it is not a proposal', () => {
    const none = version();
    const marketing = version({ signatures: [signatureNode('MARKETING', 'mia-id', 'Mia Marketing')] });
    const sales = version({ signatures: [signatureNode('SALES', SAM_ID, 'Sam Sales')] });
    const published = version({ status: 'PUBLISHED', signatures: [] });

    expect([waitingText(none), waitingText(marketing), waitingText(sales), waitingText(published)]).toEqual([
      "Waiting for a marketing and a sales approver's signatures.",
      "Waiting for a sales approver's signature.",
      "Waiting for a marketing approver's signature.",
      null,
    ]);
  });
});
