import { ESCALATION_LISTED, escalationMessage } from './escalation-mail';

const handover = (leadName: string, dueAt: string, ownerName: string | null = 'Sam Lee') => ({
  leadName,
  companyName: 'Northwind',
  ownerName,
  temperature: 'HOT',
  dueAt: new Date(dueAt),
});

describe('escalationMessage', () => {
  it('lists each expired handover with its owner, temperature and due time on the workspace clock', () => {
    const message = escalationMessage(
      {
        workspaceName: 'Acme',
        timeZone: 'Europe/Berlin',
        handovers: [
          handover('Ava Chen', '2026-11-29T09:00:00Z'),
          {
            ...handover('bo@nomail.example', '2026-11-29T13:30:00Z', null),
            companyName: null,
            temperature: 'WARM',
          },
        ],
      },
      'https://accord.test/handovers',
    );

    expect(message.subject).toBe('2 handovers passed their SLA with no decision');
    expect(message.text.split('\n')).toEqual([
      'Hello,',
      '',
      '2 handovers of the workspace "Acme" on Accord passed the SLA with no decision, so they are escalated to the ' +
        'sales managers. Times are in Europe/Berlin.',
      '',
      '- "Ava Chen", "Northwind": owner "Sam Lee", hot, due 29 Nov 2026, 10:00',
      '- "bo@nomail.example": no owner, warm, due 29 Nov 2026, 14:30',
      '',
      'They wait in the team queue under Expired, where you can reassign or decide them; a decision now counts ' +
        'against the SLA:',
      '',
      'https://accord.test/handovers',
      '',
    ]);
  });

  it('speaks of one handover in the singular', () => {
    const message = escalationMessage(
      { workspaceName: 'Acme', timeZone: 'UTC', handovers: [handover('Ava Chen', '2026-11-29T09:00:00Z')] },
      'https://accord.test/handovers',
    );
    expect(message.subject).toBe('A handover passed its SLA with no decision');
    expect(message.text).toContain(
      'A handover of the workspace "Acme" on Accord passed the SLA with no decision, so it is',
    );
  });

  it('lists at most a screenful by name and counts the rest', () => {
    const many = Array.from({ length: ESCALATION_LISTED + 3 }, (_, index) =>
      handover(`Lead ${index}`, '2026-11-29T09:00:00Z'),
    );
    const lines = escalationMessage(
      { workspaceName: 'Acme', timeZone: 'UTC', handovers: many },
      'u',
    ).text.split('\n');
    expect(lines.filter((line) => line.startsWith('- "Lead'))).toHaveLength(ESCALATION_LISTED);
    expect(lines).toContain('- and 3 more');
  });

  it('keeps a name written like an instruction on its line', () => {
    const message = escalationMessage(
      {
        workspaceName: 'Acme',
        timeZone: 'UTC',
        handovers: [handover('Ava\n\nYour account is locked: https://evil.example', '2026-11-29T09:00:00Z')],
      },
      'u',
    );
    expect(message.text).toContain('- "Ava Your account is locked: https://evil.example", "Northwind"');
  });
});
