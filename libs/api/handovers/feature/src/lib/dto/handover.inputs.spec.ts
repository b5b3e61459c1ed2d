import { inputProblems as problems } from '@accord/api/shared/testing';

import { AnswerQualificationArgs, HandoverQueueArgs, RejectHandoverArgs } from './handover.inputs';

const ID = '00000000-0000-4000-8000-000000000001';

describe('handover inputs', () => {
  it('takes a reason key and a bounded note for a rejection', async () => {
    expect(await problems(RejectHandoverArgs, { id: ID, reasonKey: 'not-ready', note: 'later' })).toEqual([]);
    expect(
      await problems(RejectHandoverArgs, { id: 'nope', reasonKey: 'x'.repeat(201), note: 'x'.repeat(2001) }),
    ).toEqual(['id', 'reasonKey', 'note']);
    // Any other key is the decision's to refuse, naming the version's keys.
    expect(await problems(RejectHandoverArgs, { id: ID, reasonKey: 'WRONG_CONTACT' })).toEqual([]);
  });

  it('takes a note laid out with tabs and line breaks, but no other control character', async () => {
    const reject = (note: string) => ({ id: ID, reasonKey: 'not-ready', note });
    expect([
      await problems(RejectHandoverArgs, reject('Budget frozen:\r\n\t- ask again in Q3')),
      await problems(RejectHandoverArgs, reject('ring\u0007')),
      await problems(RejectHandoverArgs, reject('\u001b[31mred\u001b[0m')),
      await problems(RejectHandoverArgs, reject('del\u007f')),
      await problems(AnswerQualificationArgs, {
        leadId: ID,
        answers: [{ key: 'budget', met: true, note: 'beep\u0007' }],
      }),
    ]).toEqual([[], ['note'], ['note'], ['note'], ['answers', '0', 'note']]);
  });

  it('bounds the queue page and refuses unknown scopes', async () => {
    expect(await problems(HandoverQueueArgs, { scope: 'TEAM', view: 'EXPIRED', first: 200 })).toEqual([]);
    expect(await problems(HandoverQueueArgs, { scope: 'EVERYONE', first: 201 })).toEqual(['scope', 'first']);
  });

  it('checks each checklist answer', async () => {
    expect(
      await problems(AnswerQualificationArgs, {
        leadId: ID,
        answers: [{ key: 'budget', met: true, note: null }],
      }),
    ).toEqual([]);
    expect(
      await problems(AnswerQualificationArgs, { leadId: ID, answers: [{ key: 'Budget', met: 'yes' }] }),
    ).toEqual(['answers', '0', 'key', 'met']);
    expect(
      await problems(AnswerQualificationArgs, {
        leadId: ID,
        answers: [
          { key: 'budget', met: true },
          { key: 'budget', met: false },
        ],
      }),
    ).toEqual(['answers']);
  });
});
