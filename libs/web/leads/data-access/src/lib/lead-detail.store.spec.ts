import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { leadDetail, leadDetailAnswer } from '../testing/leads';
import { LeadDetailStore } from './lead-detail.store';

const ID = '00000000-0000-4000-8000-000000000001';

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function loaded() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [LeadDetailStore] });
  const store = TestBed.inject(LeadDetailStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.load(ID);
  apollo.expectOne('Lead').flushData(leadDetailAnswer());
  await loading;
  return { store, apollo };
}

function report(status: string, problems: string[] | null) {
  return {
    recordSignal: {
      stored: status === 'STORED' ? 1 : 0,
      duplicates: 0,
      refused: status === 'REFUSED' ? 1 : 0,
      unmatched: 0,
      items: [{ status, problems }],
    },
  };
}

describe('LeadDetailStore', () => {
  it('shows the timeline newest first once loaded', async () => {
    const { store } = await loaded();

    expect(store.timeline().map((entry) => entry.kind)).toEqual(['ACTIVITY', 'NOT_SCORED', 'INTENT']);
    expect(store.transitions().map((entry) => entry.toStage)).toEqual(['MQL', 'LEAD']);
  });

  it('records a signal and reads the rescored lead again', async () => {
    const { store, apollo } = await loaded();

    const recording = store.recordSignal({
      type: 'DEMO_REQUEST',
      occurredAt: new Date('2026-11-25T09:30:00.000Z'),
      source: null,
    });
    const record = apollo.expectOne('RecordSignal');
    expect(record.operation.variables).toEqual({
      input: { leadId: ID, type: 'DEMO_REQUEST', occurredAt: '2026-11-25T09:30:00.000Z', source: null },
    });
    record.flushData(report('STORED', null));
    await flushed();
    const newest = {
      externalId: 's4',
      type: 'DEMO_REQUEST',
      occurredAt: '2026-11-25T09:30:00.000Z',
      source: null,
    };
    apollo
      .expectOne('Lead')
      .flushData(leadDetailAnswer({ ...leadDetail(), signals: [newest, ...leadDetail().signals] }));

    expect(await recording).toEqual({ ok: true, value: undefined });
    expect(store.timeline()[0].externalId).toBe('s4');
  });

  it('answers a refused signal with its problems, by the fields they name, and reads nothing again', async () => {
    const { store, apollo } = await loaded();

    const recording = store.recordSignal({
      type: 'DEMO_REQUEST',
      occurredAt: new Date('2031-01-01'),
      source: null,
    });
    apollo
      .expectOne('RecordSignal')
      .flushData(
        report('REFUSED', ['occurredAt: must not be more than a day in the future', 'No lead matches.']),
      );

    expect(await recording).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message: 'The signal was refused.',
        fields: [
          { field: 'occurredAt', message: 'must not be more than a day in the future' },
          { field: '', message: 'No lead matches.' },
        ],
      },
    });
    apollo.expectNone('Lead');
  });
});
