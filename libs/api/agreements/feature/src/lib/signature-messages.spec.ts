import { staleSignatureMessage } from './signature-messages';

describe('staleSignatureMessage', () => {
  it('tells a sales approver that marketing edited the proposal they opened, voiding its signature', () => {
    expect(
      staleSignatureMessage({
        version: 'v2',
        readRevision: 3,
        currentRevision: 4,
        status: 'DRAFT',
        voidedSides: ['MARKETING'],
      }),
    ).toBe(
      'v2 changed since you opened revision 3: it is now revision 4, back in draft, so the marketing signature ' +
        'on revision 3 was voided. Review revision 4 once it is proposed again; it can be signed then.',
    );
  });

  it('asks for a review of the new revision when it is already proposed again', () => {
    expect(
      staleSignatureMessage({
        version: 'v2',
        readRevision: 3,
        currentRevision: 5,
        status: 'PROPOSED',
        voidedSides: [],
      }),
    ).toBe(
      'v2 changed since you opened revision 3: it is now revision 5, proposed again, and no signature on revision 3 ' +
        'counts any more. Review revision 5 before signing it.',
    );
  });

  it('names both sides when both had signed', () => {
    expect(
      staleSignatureMessage({
        version: 'v4',
        readRevision: 1,
        currentRevision: 2,
        status: 'PUBLISHED',
        voidedSides: ['MARKETING', 'SALES'],
      }),
    ).toContain('so the marketing and sales signatures on revision 1 were voided. Review revision 2: it no');
  });
});
