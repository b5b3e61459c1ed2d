import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import {
  flushQueue,
  handover,
  handoverWithHistory,
  handoverWithHistoryAnswer,
  queueAnswer,
} from '../testing/handovers';
import { HandoverQueueStore } from './handover-queue.store';

function handovers(ids: string[]) {
  return ids.map((id) => handover({ id, status: id === 'late' ? 'EXPIRED' : 'OPEN' }));
}

async function loaded(ids: string[], hasNextPage = false) {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [HandoverQueueStore] });
  const store = TestBed.inject(HandoverQueueStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.load('MINE', 'UNDECIDED');
  const op = flushQueue(apollo, handovers(ids), { hasNextPage, undecided: 2, expired: 1 });
  await loading;
  return { store, apollo, variables: op.operation.variables };
}

describe('HandoverQueueStore', () => {
  it('reads the first page of the scope and view with its counts', async () => {
    const { store, variables } = await loaded(['h1', 'late'], true);

    expect([variables, store.handovers().map((h) => h.id), store.counts(), store.hasMore()]).toEqual([
      { scope: 'MINE', view: 'UNDECIDED', first: 50, after: null },
      ['h1', 'late'],
      { undecided: 2, expired: 1, unassigned: 0 },
      true,
    ]);
  });

  it('appends the next page after the cursor', async () => {
    const { store, apollo } = await loaded(['h1'], true);

    const more = store.loadMore();
    const op = apollo.expectOne('HandoverQueue');
    op.flushData(queueAnswer(handovers(['h2'])));
    await more;
    // Later pages leave the counts as they are: no counts request.
    apollo.verify();

    expect([op.operation.variables['after'], store.handovers().map((h) => h.id), store.hasMore()]).toEqual([
      'c-h1',
      ['h1', 'h2'],
      false,
    ]);
  });

  it('drops an accepted handover and counts it off', async () => {
    const { store, apollo } = await loaded(['h1', 'late']);

    const accepting = store.accept('late');
    apollo.expectOne('AcceptHandover').flushData({
      acceptHandover: handoverWithHistoryAnswer(handoverWithHistory({ id: 'late', status: 'ACCEPTED' })),
    });
    const result = await accepting;

    expect([result.ok, store.handovers().map((h) => h.id), store.counts()]).toEqual([
      true,
      ['h1'],
      { undecided: 1, expired: 0, unassigned: 0 },
    ]);
  });

  it('sends the reason and note of a rejection', async () => {
    const { store, apollo } = await loaded(['h1']);

    const rejecting = store.reject('h1', 'not-ready', 'Call back in spring');
    const op = apollo.expectOne('RejectHandover');
    op.flushData({ rejectHandover: handoverWithHistoryAnswer(handoverWithHistory({ status: 'REJECTED' })) });
    await rejecting;

    expect([op.operation.variables, store.handovers()]).toEqual([
      { id: 'h1', reasonKey: 'not-ready', note: 'Call back in spring' },
      [],
    ]);
  });

  it("keeps a CONFLICT's message and reads the queue again", async () => {
    const { store, apollo } = await loaded(['h1', 'late']);

    const accepting = store.accept('h1');
    apollo
      .expectOne('AcceptHandover')
      .graphqlErrors([
        { message: 'Already rejected by Ria Rep (Not ready to buy).', extensions: { code: 'CONFLICT' } },
      ]);
    const result = await accepting;
    const reload = flushQueue(apollo, handovers(['late']), { undecided: 1, expired: 1 });
    await Promise.resolve();

    expect([result.ok || result.error.message, reload.operation.variables['after']]).toEqual([
      'Already rejected by Ria Rep (Not ready to buy).',
      null,
    ]);
    TestBed.inject(ApolloTestingController).verify();
  });

  it('shows the new owner of a handover reassigned in the team view', async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [HandoverQueueStore] });
    const store = TestBed.inject(HandoverQueueStore);
    const apollo = TestBed.inject(ApolloTestingController);
    const loading = store.load('TEAM', 'UNDECIDED');
    flushQueue(apollo, handovers(['h1']), { undecided: 2, expired: 1 });
    await loading;

    const reassigning = store.reassign('h1', 'ria');
    const op = apollo.expectOne('ReassignHandover');
    op.flushData({
      reassignHandover: handoverWithHistoryAnswer(
        handoverWithHistory({ owner: { id: 'ria', name: 'Ria Rep' } }),
      ),
    });
    await reassigning;

    expect([op.operation.variables, store.handovers().map((h) => h.owner?.name)]).toEqual([
      { id: 'h1', ownerId: 'ria' },
      ['Ria Rep'],
    ]);
  });
});
