import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, type Viewer } from '@accord/web/shared/data-access';

import { WorkspaceSettingsComponent } from './workspace-settings.component';

const viewer: Viewer = {
  member: {
    id: 'm1',
    email: 'admin@demo.accord.dev',
    name: 'Ada Admin',
    roles: ['ADMIN'],
    approver: false,
    status: 'ACTIVE',
  },
  workspace: { id: 'w1', name: 'Demo Co', timeZone: 'UTC', currency: 'USD' },
};

async function renderSettings() {
  const view = await render(WorkspaceSettingsComponent, {
    imports: [ApolloTestingModule],
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    configureTestBed: () => TestBed.inject(AuthStore).setViewer(viewer),
  });
  const form = screen.getByRole('form', { name: 'Workspace settings' });
  return {
    component: view.fixture.componentInstance,
    apollo: TestBed.inject(ApolloTestingController),
    auth: TestBed.inject(AuthStore),
    form,
    name: within(form).getByLabelText<HTMLInputElement>(/Workspace name/),
    timeZone: within(form).getByLabelText<HTMLSelectElement>(/Time zone/),
    currency: within(form).getByLabelText<HTMLInputElement>(/Reporting currency/),
    save: () => fireEvent.click(within(form).getByRole('button', { name: 'Save workspace' })),
  };
}

function alertText(): string | undefined {
  return screen.getByRole('alert').textContent?.trim();
}

describe('WorkspaceSettingsComponent', () => {
  it("shows the workspace's name, time zone and reporting currency", async () => {
    const { name, timeZone, currency } = await renderSettings();

    expect(screen.getByRole('heading', { level: 2, name: 'Workspace' })).toBeTruthy();
    expect([name.value, timeZone.value, currency.value]).toEqual(['Demo Co', 'UTC', 'USD']);
    const zones = Array.from(timeZone.options, (option) => option.value);
    expect(zones).toEqual(expect.arrayContaining(['UTC', 'Europe/Berlin', 'America/New_York']));
  });

  it('saves what changed and puts it into the session', async () => {
    const { apollo, auth, name, timeZone, currency, save } = await renderSettings();

    fireEvent.input(name, { target: { value: ' Demo GmbH ' } });
    fireEvent.change(timeZone, { target: { value: 'Europe/Berlin' } });
    fireEvent.input(currency, { target: { value: 'eur' } });
    save();

    const update = apollo.expectOne('UpdateWorkspace');
    expect(update.operation.variables).toEqual({
      input: { name: 'Demo GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
    update.flushData({
      updateWorkspace: {
        __typename: 'Workspace',
        id: 'w1',
        name: 'Demo GmbH',
        timeZone: 'Europe/Berlin',
        currency: 'EUR',
      },
    });

    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe('Workspace saved.'));
    expect(auth.workspace()).toEqual({
      __typename: 'Workspace',
      id: 'w1',
      name: 'Demo GmbH',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
    });
    expect(auth.member()).toEqual(viewer.member);
    expect([name.value, timeZone.value, currency.value]).toEqual(['Demo GmbH', 'Europe/Berlin', 'EUR']);
  });

  it('holds an unsaved change from the moment one is typed until it is saved', async () => {
    const { apollo, component, name, save } = await renderSettings();
    expect(component.hasUnsavedChanges()).toBe(false);

    fireEvent.input(name, { target: { value: 'Demo GmbH' } });
    expect(component.hasUnsavedChanges()).toBe(true);
    save();
    apollo.expectOne('UpdateWorkspace').flushData({
      updateWorkspace: {
        __typename: 'Workspace',
        id: 'w1',
        name: 'Demo GmbH',
        timeZone: 'UTC',
        currency: 'USD',
      },
    });
    await waitFor(() => expect(component.hasUnsavedChanges()).toBe(false));
  });

  it('sends only the field that changed', async () => {
    const { apollo, timeZone, save } = await renderSettings();

    fireEvent.change(timeZone, { target: { value: 'Asia/Tokyo' } });
    save();

    expect(apollo.expectOne('UpdateWorkspace').operation.variables).toEqual({
      input: { timeZone: 'Asia/Tokyo' },
    });
  });

  it('keeps Save focused while the change is on its way, and sends it once', async () => {
    const { apollo, timeZone, save } = await renderSettings();
    const button = screen.getByRole('button', { name: 'Save workspace' });

    fireEvent.change(timeZone, { target: { value: 'Asia/Tokyo' } });
    button.focus();
    save();
    apollo.expectOne('UpdateWorkspace');
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    save();

    apollo.expectNone('UpdateWorkspace');
    expect(document.activeElement).toBe(button);
  });

  it('asks nothing of the API when nothing changed', async () => {
    const { apollo, save } = await renderSettings();

    save();

    expect(screen.getByRole('status').textContent?.trim()).toBe(
      'Nothing to save: the workspace already has these settings.',
    );
    apollo.expectNone('UpdateWorkspace');
  });

  it('asks for three letters and a name before asking the API', async () => {
    const { apollo, form, name, currency, save } = await renderSettings();

    fireEvent.input(name, { target: { value: '  ' } });
    fireEvent.input(currency, { target: { value: 'EU' } });
    save();

    await waitFor(() =>
      expect(Array.from(form.querySelectorAll('mat-error'), (error) => error.textContent?.trim())).toEqual([
        'Enter a name for the workspace.',
        'Three letters (ISO 4217), e.g. EUR.',
      ]),
    );
    apollo.expectNone('UpdateWorkspace');
  });

  it("shows the API's problem under the field it names", async () => {
    const { apollo, auth, form, timeZone, save } = await renderSettings();

    fireEvent.change(timeZone, { target: { value: 'America/Ciudad_Juarez' } });
    save();
    apollo.expectOne('UpdateWorkspace').graphqlErrors([
      {
        message: 'timeZone: "America/Ciudad_Juarez" is not an IANA time zone such as Europe/Paris',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'timeZone', message: 'not an IANA time zone such as Europe/Paris' }],
        },
      },
    ]);

    await waitFor(() => expect(alertText()).toBe('Some fields need a change: see below.'));
    expect(Array.from(form.querySelectorAll('mat-error'), (error) => error.textContent?.trim())).toEqual([
      'not an IANA time zone such as Europe/Paris',
    ]);
    expect(auth.workspace()).toEqual(viewer.workspace);
  });

  it("shows why the currency cannot change while amounts are in another, and keeps the session's", async () => {
    const { apollo, auth, currency, save } = await renderSettings();

    fireEvent.input(currency, { target: { value: 'EUR' } });
    save();
    const message =
      'The workspace has amounts in USD (2 opportunities); a workspace reports in one currency, so ' +
      'change it before amounts are recorded or once they are all in EUR';
    apollo.expectOne('UpdateWorkspace').graphqlErrors([{ message, extensions: { code: 'CONFLICT' } }]);

    await waitFor(() => expect(alertText()).toBe(message));
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
    expect(auth.workspace()?.currency).toBe('USD');
  });
});
