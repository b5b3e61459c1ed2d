import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, type Viewer } from '@accord/web/shared/data-access';

import { WorkspaceSettingsStore } from './workspace-settings.store';

const viewer: Viewer = {
  member: {
    id: 'm1',
    email: 'ada@acme.test',
    name: 'Ada',
    roles: ['ADMIN'],
    approver: false,
    status: 'ACTIVE',
  },
  workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
};

function setUp() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [WorkspaceSettingsStore] });
  const auth = TestBed.inject(AuthStore);
  auth.setViewer(viewer);
  return {
    auth,
    store: TestBed.inject(WorkspaceSettingsStore),
    apollo: TestBed.inject(ApolloTestingController),
  };
}

describe('WorkspaceSettingsStore', () => {
  it("saves the settings and makes them the session's workspace", async () => {
    const { auth, store, apollo } = setUp();

    const saving = store.save({ currency: 'EUR' });
    const update = apollo.expectOne('UpdateWorkspace');
    expect(update.operation.variables).toEqual({ input: { currency: 'EUR' } });
    update.flushData({
      updateWorkspace: { __typename: 'Workspace', id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'EUR' },
    });
    const result = await saving;

    expect(result).toEqual({
      ok: true,
      value: { __typename: 'Workspace', id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'EUR' },
    });
    expect(store.workspace()).toEqual(auth.workspace());
    expect(auth.workspace()?.currency).toBe('EUR');
  });

  it("answers with the API's field problems and leaves the session as it was", async () => {
    const { auth, store, apollo } = setUp();

    const saving = store.save({ name: '' });
    apollo.expectOne('UpdateWorkspace').graphqlErrors([
      {
        message: 'name: must not be blank',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'name', message: 'must not be blank' }] },
      },
    ]);

    expect(await saving).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message: 'name: must not be blank',
        fields: [{ field: 'name', message: 'must not be blank' }],
      },
    });
    expect(auth.workspace()).toEqual(viewer.workspace);
  });
});
