import { PROPOSAL_SUBJECT, proposalMessage } from './proposal-mailer';

describe('proposalMessage', () => {
  const mail = {
    to: 'ana@acme.example',
    sides: ['MARKETING', 'SALES'] as const,
    proposedBy: 'Mia\n\nSign here: https://evil.example',
    workspaceName: 'Acme',
    versionNumber: 4,
    versionUrl: 'https://accord.test/agreement/versions/v4',
  };

  it('names the sides the approver can sign, and quotes what members wrote on one line', () => {
    const { subject, text } = proposalMessage(mail);
    expect(subject).toBe(PROPOSAL_SUBJECT);
    expect(text.split('\n')).toEqual([
      'Hello,',
      '',
      '"Mia Sign here: https://evil.example" proposed v4 of the lead agreement of the workspace "Acme" on Accord.',
      'It takes effect once one marketing and one sales approver have signed it. Read the changes and the backtest, and sign for marketing or sales — or send it back with a note:',
      '',
      'https://accord.test/agreement/versions/v4',
      '',
    ]);
  });
});
