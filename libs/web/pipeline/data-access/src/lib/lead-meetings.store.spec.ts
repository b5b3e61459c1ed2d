import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { LEAD_ID, meeting, meetingAnswer, meetingsAnswer } from '../testing/pipeline';
import { LeadMeetingsStore } from './lead-meetings.store';

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function loaded() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [LeadMeetingsStore] });
  const store = TestBed.inject(LeadMeetingsStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.load(LEAD_ID);
  apollo.expectOne('LeadMeetings').flushData(meetingsAnswer());
  await loading;
  return { store, apollo };
}

describe('LeadMeetingsStore', () => {
  it('books a meeting for the lead and reads the meetings again', async () => {
    const { store, apollo } = await loaded();

    const booking = store.book({ scheduledAt: '2026-11-28T10:00:00.000Z', title: 'Demo', notes: null });
    const book = apollo.expectOne('BookMeeting');
    expect(book.operation.variables).toEqual({
      input: { leadId: LEAD_ID, scheduledAt: '2026-11-28T10:00:00.000Z', title: 'Demo', notes: null },
    });
    const booked = meeting({ id: 'm2', scheduledAt: '2026-11-28T10:00:00.000Z', title: 'Demo' });
    book.flushData({ bookMeeting: meetingAnswer(booked) });
    await flushed();
    apollo.expectOne('LeadMeetings').flushData(meetingsAnswer([booked, meeting()]));

    expect(await booking).toMatchObject({ ok: true });
    expect(store.meetings().map((item) => item.id)).toEqual(['m2', 'm1']);
  });

  it('keeps the list when marking is refused', async () => {
    const { store, apollo } = await loaded();

    const marking = store.mark('m1', 'HELD');
    apollo
      .expectOne('MarkMeeting')
      .graphqlErrors([{ message: 'The meeting is already marked HELD.', extensions: { code: 'CONFLICT' } }]);

    expect(await marking).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    apollo.expectNone('LeadMeetings');
    expect(store.meetings().map((item) => item.status)).toEqual(['BOOKED']);
  });
});
