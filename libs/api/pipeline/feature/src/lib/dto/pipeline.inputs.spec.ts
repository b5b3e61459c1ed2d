import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { BookMeetingInput, MoveOpportunityInput, OpenOpportunityInput } from './pipeline.inputs';

const LEAD = '6a1f3c52-1d8e-4d43-9a55-0c3e8b1f2a10';

function problems<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true }).map(
    (error) => error.property,
  );
}

describe('pipeline inputs', () => {
  it('keeps control characters out of what people and webhook receivers read back', () => {
    const meeting = (fields: object) =>
      problems(BookMeetingInput, { leadId: LEAD, scheduledAt: new Date('2026-12-01T10:00:00Z'), ...fields });
    const lost = (lostReason: string) =>
      problems(MoveOpportunityInput, {
        opportunityId: LEAD,
        stage: 'LOST',
        closeDate: '2026-11-20',
        lostReason,
      });
    expect([
      problems(OpenOpportunityInput, { leadId: LEAD, amount: 1000, name: 'Acme – EU rollout' }),
      problems(OpenOpportunityInput, { leadId: LEAD, amount: 1000, name: 'Acme\u001b[2J' }),
      problems(OpenOpportunityInput, { leadId: LEAD, amount: 1000, name: 'two\nlines' }),
      lost('Chose a competitor.\nBudget went to their CRM.'),
      lost('bell\u0007'),
      meeting({ title: 'Demo', notes: 'Agenda:\n\t1. pricing' }),
      meeting({ title: 'Demo\tcall', notes: 'esc\u001b' }),
    ]).toEqual([[], ['name'], ['name'], [], ['lostReason'], [], ['title', 'notes']]);
  });
});
