import { SAM_ID, signatureNode, version } from '../../testing/fixtures';
import { maySendBack, signableSides, signerNotices, waitingText } from './signing';

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

describe('signerNotices', () => {
  const fix = (side: string) => `make a ${side} member an approver on Members`;
  const mia = { id: 'mia-id', name: 'Mia Marketing' };
  const bo = { id: 'bo-id', name: 'Bo Both' };

  it('names who can sign each side a proposal waits for, and warns of a side no one can sign', () => {
    expect(signerNotices(version(), { MARKETING: [mia, bo], SALES: [] }, fix)).toEqual([
      { side: 'MARKETING', missing: false, text: 'Can sign for marketing: Mia Marketing and Bo Both.' },
      {
        side: 'SALES',
        missing: true,
        text: 'No one can sign for sales yet: make a sales member an approver on Members.',
      },
    ]);
  });

  it('leaves out whoever signed the other side, and signed sides', () => {
    const signed = version({ signatures: [signatureNode('MARKETING', 'bo-id', 'Bo Both')] });

    expect(signerNotices(signed, { MARKETING: [mia, bo], SALES: [bo] }, fix)).toEqual([
      {
        side: 'SALES',
        missing: true,
        text: 'No one else can sign for sales yet: make a sales member an approver on Members.',
      },
    ]);
  });

  it('warns a draft only of sides no one could sign, and says nothing of published versions or unknown members', () => {
    const signers = { MARKETING: [mia], SALES: [] };
    expect(signerNotices(version({ status: 'DRAFT' }), signers, fix)).toEqual([
      {
        side: 'SALES',
        missing: true,
        text: 'No one can sign for sales yet: make a sales member an approver on Members.',
      },
    ]);
    expect(signerNotices(version({ status: 'PUBLISHED' }), signers, fix)).toEqual([]);
    expect(signerNotices(version(), null, fix)).toEqual([]);
  });
});
