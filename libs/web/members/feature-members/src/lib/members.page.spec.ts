import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, EmailVerificationStore, type MemberFieldsFragment } from '@accord/web/shared/data-access';
import { tryToDismiss } from '@accord/web/shared/ui/testing';

import { MembersPage } from './members.page';

function member(
  fields: Pick<MemberFieldsFragment, 'id' | 'name' | 'email' | 'roles'> & Partial<MemberFieldsFragment>,
) {
  return {
    __typename: 'Member',
    approver: false,
    status: 'ACTIVE',
    team: null,
    monthlyQuota: null,
    manager: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignedInAt: null,
    ...fields,
  };
}

const ada = member({ id: 'm1', name: 'Ada Admin', email: 'admin@demo.accord.dev', roles: ['ADMIN'] });
const bea = member({
  id: 'm2',
  name: 'Bea Sales',
  email: 'sales@demo.accord.dev',
  roles: ['SALES'],
  approver: true,
  team: 'EMEA',
  monthlyQuota: 40000,
  // The cache reads a typename on every object; the fragment's type does not name it.
  manager: {
    __typename: 'MemberManager',
    id: 'm1',
    name: 'Ada Admin',
    email: 'admin@demo.accord.dev',
  } as MemberFieldsFragment['manager'],
});

async function renderEmpty(): Promise<ApolloTestingController> {
  await render(MembersPage, {
    imports: [ApolloTestingModule],
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  return TestBed.inject(ApolloTestingController);
}

async function renderPage(members = [bea, ada]): Promise<ApolloTestingController> {
  const apollo = await renderEmpty();
  apollo.expectOne('Members').flushData({
    members: {
      __typename: 'MemberConnection',
      totalCount: members.length,
      pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: false },
      edges: members.map((node) => ({ __typename: 'MemberEdge', node })),
    },
  });
  await screen.findByRole('cell', { name: 'admin@demo.accord.dev' });
  return apollo;
}

/** Opens the invite dialog and fills in Carl, a marketing member, up to the choice of approver. */
async function inviteCarl(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Invite member' }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.input(within(dialog).getByLabelText(/e-mail/i), { target: { value: 'carl@example.com' } });
  fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: 'Carl Marketing' } });
  fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Marketing' }));
  return dialog;
}

/** The API's answer to Carl's invitation. */
function invitation(fields: Partial<MemberFieldsFragment> = {}) {
  return {
    __typename: 'InvitationPayload',
    inviteUrl: 'http://127.0.0.1:3300/accept-invitation?token=abc',
    expiresAt: '2026-03-08T00:00:00.000Z',
    member: member({
      id: 'm3',
      name: 'Carl Marketing',
      email: 'carl@example.com',
      roles: ['MARKETING'],
      ...fields,
    }),
  };
}

/** The members table's rows, without the header (the page's other table lists e-mails). */
function rowTexts(): string[][] {
  return within(screen.getByRole('table', { name: 'Members of the workspace' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 7)
        .map((cell) => cell.textContent?.trim() ?? ''),
    );
}

/** Opens a member's More menu and returns the actions it offers, by name. */
async function moreActions(name: string): Promise<string[]> {
  fireEvent.click(screen.getByRole('button', { name: `More actions for ${name}` }));
  const menu = await screen.findByRole('menu');
  const items = within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent?.trim() ?? '');
  return items;
}

/** Chooses one action of a member's More menu. */
async function chooseAction(name: string, action: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: `More actions for ${name}` }));
  fireEvent.click(await screen.findByRole('menuitem', { name: action }));
}

describe('MembersPage', () => {
  it('reads the list again, without a loading bar, when the tab comes back: an invited member may have joined', async () => {
    const invited = member({
      id: 'm3',
      name: 'Ivy',
      email: 'ivy@demo.accord.dev',
      roles: ['SALES'],
      status: 'INVITED',
    });
    const apollo = await renderPage([ada, invited]);
    expect(await moreActions('Ivy')).toEqual(['Invite again', 'Deactivate']);
    fireEvent.keyDown(await screen.findByRole('menu'), { key: 'Escape', keyCode: 27 });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());

    window.dispatchEvent(new Event('focus'));
    expect(screen.queryByLabelText('Loading members')).toBeNull();
    apollo.expectOne('Members').flushData({
      members: {
        __typename: 'MemberConnection',
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: false },
        edges: [ada, { ...invited, status: 'ACTIVE' }].map((node) => ({ __typename: 'MemberEdge', node })),
      },
    });

    await waitFor(() => expect(rowTexts()).toContainEqual(expect.arrayContaining(['Ivy', 'Active'])));
    expect(await moreActions('Ivy')).toEqual(['Reset password', 'Deactivate']);
  });

  it('lists the members with their e-mail, roles, team, manager, approver flag and status', async () => {
    await renderPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeTruthy();
    expect(rowTexts()).toEqual([
      ['Ada Admin', 'admin@demo.accord.dev', 'Admin', '', '', 'No', 'Active'],
      ['Bea Sales', 'sales@demo.accord.dev', 'Sales', 'EMEA', 'Ada Admin', 'Yes', 'Active'],
    ]);
  });

  it('says the members could not be loaded rather than that there are none', async () => {
    const apollo = await renderEmpty();
    apollo.expectOne('Members').networkError(new Error('offline'));

    expect(await screen.findByText('The members could not be loaded.')).toBeTruthy();
    expect(screen.queryByText('No members yet.')).toBeNull();
  });

  it('holds the Invite button back, saying why, while the admin must confirm their address', async () => {
    await render(MembersPage, {
      imports: [ApolloTestingModule],
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        EmailVerificationStore,
      ],
    });
    const confirmation = TestBed.inject(EmailVerificationStore);
    const button = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Invite member' });

    confirmation.pendingEmail.set('admin@demo.accord.dev');
    await waitFor(() => expect(button().disabled).toBe(true));
    expect(screen.getByRole('note').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Confirm your e-mail address to invite members: open the link e-mailed to you, or send a new one from the banner above.',
    );

    // Confirmed in another tab: the frame reads it again, and the button comes back.
    confirmation.pendingEmail.set(null);
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('invites a member and shows the one-time invite link', async () => {
    const apollo = await renderPage();

    const dialog = await inviteCarl();
    fireEvent.click(within(dialog).getByRole('switch', { name: /approver/i }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    // While the invitation is made, and once its one-time link shows, only Done closes the dialog.
    expect(within(dialog).getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBeTruthy();

    const invite = apollo.expectOne('InviteMember');
    expect(invite.operation.variables).toEqual({
      input: { email: 'carl@example.com', name: 'Carl Marketing', roles: ['MARKETING'], approver: true },
    });
    invite.flushData({
      inviteMember: invitation({ approver: true, status: 'INVITED' }),
    });

    const link = await within(dialog).findByLabelText<HTMLInputElement>('Invite link');
    expect(link.value).toBe('http://127.0.0.1:3300/accept-invitation?token=abc');
    expect(within(dialog).getByRole('button', { name: 'Copy link' })).toBeTruthy();
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rowTexts()).toContainEqual([
      'Carl Marketing',
      'carl@example.com',
      'Marketing',
      '',
      '',
      'Yes',
      'Invited',
    ]);
  });

  it("says until when the invite link works, as a date and time on the workspace's clock", async () => {
    const apollo = await renderPage();
    TestBed.inject(AuthStore).setViewer({
      member: {
        id: 'm1',
        email: ada.email,
        name: ada.name,
        roles: ['ADMIN'],
        approver: false,
        status: 'ACTIVE',
      },
      workspace: { id: 'w1', name: 'Demo', timeZone: 'Europe/Berlin', currency: 'EUR' },
    });

    const dialog = await inviteCarl();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    apollo.expectOne('InviteMember').flushData({ inviteMember: invitation() });

    const sent = await within(dialog).findByText(/Carl Marketing is invited/);
    expect(sent.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Carl Marketing is invited. Send them this link; it works once and expires 8 Mar 2026, 01:00 (Europe/Berlin).',
    );
  });

  it('offers an invited member a new invitation, not a password reset, keeping their address', async () => {
    const carl = member({
      id: 'm3',
      name: 'Carl Marketing',
      email: 'carl@example.com',
      roles: ['MARKETING'],
      status: 'INVITED',
    });
    const apollo = await renderPage([bea, ada, carl]);

    expect(await moreActions('Bea Sales')).toEqual(['Reset password', 'Deactivate']);
    fireEvent.keyDown(await screen.findByRole('menu'), { key: 'Escape', keyCode: 27 });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await chooseAction('Carl Marketing', 'Invite again');

    const dialog = await screen.findByRole('dialog', { name: 'Invite Carl Marketing again' });
    const email = within(dialog).getByLabelText<HTMLInputElement>(/e-mail/i);
    expect([email.value, email.disabled]).toEqual(['carl@example.com', true]);
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^name/i).value).toBe('Carl Marketing');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Sales' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send new invitation' }));

    const invite = apollo.expectOne('InviteMember');
    expect(invite.operation.variables).toEqual({
      input: {
        email: 'carl@example.com',
        name: 'Carl Marketing',
        roles: ['MARKETING', 'SALES'],
        approver: false,
      },
    });
    invite.flushData({ inviteMember: invitation({ roles: ['MARKETING', 'SALES'], status: 'INVITED' }) });
    const link = await within(dialog).findByLabelText<HTMLInputElement>('Invite link');
    expect(link.value).toBe('http://127.0.0.1:3300/accept-invitation?token=abc');
  });

  it('keeps Send invitation focused while inviting, then moves focus to Copy link', async () => {
    const apollo = await renderPage();

    const dialog = await inviteCarl();
    const send = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send invitation' });
    send.focus();
    fireEvent.click(send);
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBe('true'));
    fireEvent.click(send);
    expect([send.disabled, document.activeElement === send]).toEqual([false, true]);
    apollo.expectOne('InviteMember').flushData({
      inviteMember: invitation(),
    });

    const copy = await within(dialog).findByRole('button', { name: 'Copy link' });
    await waitFor(() => expect(document.activeElement).toBe(copy));
    expect(copy.getAttribute('aria-describedby')).toBe(
      within(dialog)
        .getByText(/Carl Marketing is invited/)
        .getAttribute('id'),
    );
  });

  it('says the link was e-mailed when the API keeps it for the invitee alone (mail configured)', async () => {
    const apollo = await renderPage();

    const dialog = await inviteCarl();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    apollo.expectOne('InviteMember').flushData({ inviteMember: { ...invitation(), inviteUrl: null } });

    const done = await within(dialog).findByRole('button', { name: 'Done' });
    expect(
      within(dialog).getByText(/Carl Marketing is invited: we e-mailed carl@example.com a link/),
    ).toBeTruthy();
    expect([
      within(dialog).queryByLabelText('Invite link'),
      within(dialog).queryByRole('button', { name: 'Copy link' }),
    ]).toEqual([null, null]);
    await waitFor(() => expect(document.activeElement).toBe(done));
  });

  it("makes a member's password reset link and shows it to copy", async () => {
    const apollo = await renderPage();

    await chooseAction('Bea Sales', 'Reset password');
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create link' }));
    expect(within(dialog).getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    const create = apollo.expectOne('CreatePasswordResetLink');
    expect(create.operation.variables).toEqual({ memberId: 'm2' });
    create.flushData({
      createPasswordResetLink: {
        __typename: 'PasswordResetLink',
        resetUrl: 'http://127.0.0.1:3300/reset-password?token=xyz',
        expiresAt: '2026-03-08T10:00:00.000Z',
        member: bea,
      },
    });

    const link = await within(dialog).findByLabelText<HTMLInputElement>('Reset link');
    expect(link.value).toBe('http://127.0.0.1:3300/reset-password?token=xyz');
    const copy = within(dialog).getByRole('button', { name: 'Copy link' });
    await waitFor(() => expect(document.activeElement).toBe(copy));
    expect(
      within(dialog)
        .getByText(/Send Bea Sales this link/)
        .textContent?.trim(),
    ).toBe('Send Bea Sales this link to choose a new password; it works once, for one hour.');
    await tryToDismiss(dialog);
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says the reset link was e-mailed when the API keeps it for the member alone', async () => {
    const apollo = await renderPage();

    await chooseAction('Bea Sales', 'Reset password');
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create link' }));
    apollo.expectOne('CreatePasswordResetLink').flushData({
      createPasswordResetLink: {
        __typename: 'PasswordResetLink',
        resetUrl: null,
        expiresAt: '2026-03-08T10:00:00.000Z',
        member: bea,
      },
    });

    const done = await within(dialog).findByRole('button', { name: 'Done' });
    expect(
      within(dialog)
        .getByText(/We e-mailed/)
        .textContent?.trim(),
    ).toBe('We e-mailed sales@demo.accord.dev a link to choose a new password; it works once, for one hour.');
    expect(within(dialog).queryByLabelText('Reset link')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(done));
  });

  it("shows the API's message when no reset link can be made", async () => {
    const apollo = await renderPage();

    await chooseAction('Bea Sales', 'Reset password');
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create link' }));
    apollo.expectOne('CreatePasswordResetLink').graphqlErrors([
      {
        message: 'sales@demo.accord.dev is deactivated: a deactivated member cannot sign in.',
        extensions: { code: 'CONFLICT' },
      },
    ]);

    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent?.trim()).toBe(
        'sales@demo.accord.dev is deactivated: a deactivated member cannot sign in.',
      ),
    );
    expect(within(dialog).getByRole('button', { name: 'Create link' })).toBeTruthy();
  });

  it('asks for a role before inviting', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText(/e-mail/i), { target: { value: 'carl@example.com' } });
    fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: 'Carl' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(within(dialog).getByRole('alert').textContent?.trim()).toBe('Choose at least one role.');
    apollo.expectNone('InviteMember');
  });

  it("shows the API's message when the invitation is refused", async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText(/e-mail/i), { target: { value: 'sales@demo.accord.dev' } });
    fireEvent.input(within(dialog).getByLabelText(/^name/i), { target: { value: 'Bea again' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Sales' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    apollo
      .expectOne('InviteMember')
      .graphqlErrors([
        { message: 'A member with this e-mail already exists.', extensions: { code: 'CONFLICT' } },
      ]);

    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent?.trim()).toBe(
        'A member with this e-mail already exists.',
      ),
    );
  });

  it('changes roles, approver flag, team, manager and monthly quota of a member', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Edit Bea Sales' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Executive' }));
    fireEvent.click(within(dialog).getByRole('switch', { name: /approver/i }));
    const team = within(dialog).getByLabelText('Team or region');
    expect((team as HTMLInputElement).value).toBe('EMEA');
    fireEvent.input(team, { target: { value: ' DACH ' } });
    const managerChoice = within(dialog).getByLabelText('Manager');
    expect(within(managerChoice).queryByRole('option', { name: /Bea Sales/ })).toBeNull();
    fireEvent.change(managerChoice, { target: { value: '' } });
    const quota = within(dialog).getByLabelText(/Monthly quota/);
    expect((quota as HTMLInputElement).value).toBe('40000');
    fireEvent.input(quota, { target: { value: '-5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('cannot be negative');
    fireEvent.input(quota, { target: { value: '1e3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Write the amount out in digits');
    expect(quota.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(quota, { target: { value: '55,000' } });
    expect(quota.getAttribute('aria-invalid')).toBe('false');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    // Still in sales: saved with nothing to confirm.
    const update = await waitFor(() => apollo.expectOne('UpdateMember'));
    expect(update.operation.variables).toEqual({
      input: {
        memberId: 'm2',
        roles: ['SALES', 'EXECUTIVE'],
        approver: false,
        team: 'DACH',
        managerId: null,
        monthlyQuota: 55000,
      },
    });
    update.flushData({
      updateMember: { ...bea, roles: ['SALES', 'EXECUTIVE'], approver: false, team: 'DACH', manager: null },
    });

    await waitFor(() =>
      expect(rowTexts()).toContainEqual([
        'Bea Sales',
        'sales@demo.accord.dev',
        'Sales, Executive',
        'DACH',
        '',
        'No',
        'Active',
      ]),
    );
  });

  it('asks before saving roles that take a member out of sales, saying where their open handovers go', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Edit Bea Sales' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Sales' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Marketing' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const count = apollo.expectOne('MemberOpenHandovers');
    expect(count.operation.variables).toEqual({ memberId: 'm2' });
    count.flushData({ memberOpenHandovers: 6 });

    const confirm = await screen.findByRole('dialog', { name: 'Take Bea Sales out of sales?' });
    expect(confirm.textContent).toContain(
      'Without Sales or Admin, Bea Sales no longer works the handover queue. Their 6 open handovers go to the ' +
        'unassigned queue for a sales manager to reassign; the due times stay.',
    );
    apollo.expectNone('UpdateMember');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Save' }));
    const update = await waitFor(() => apollo.expectOne('UpdateMember'));
    expect(update.operation.variables['input']).toMatchObject({ memberId: 'm2', roles: ['MARKETING'] });
  });

  it('saves nothing when taking a member out of sales is not confirmed', async () => {
    const apollo = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Edit Bea Sales' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Sales' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Executive' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    apollo.expectOne('MemberOpenHandovers').flushData({ memberOpenHandovers: 1 });
    const confirm = await screen.findByRole('dialog', { name: 'Take Bea Sales out of sales?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Take Bea Sales out of sales?' })).toBeNull(),
    );
    apollo.expectNone('UpdateMember');
    expect(screen.getByRole('dialog', { name: 'Edit Bea Sales' })).toBeTruthy();
  });

  it('deactivates a member after confirmation that says where their open handovers go, and reactivates them', async () => {
    const apollo = await renderPage();

    await chooseAction('Bea Sales', 'Deactivate');
    const count = apollo.expectOne('MemberOpenHandovers');
    expect(count.operation.variables).toEqual({ memberId: 'm2' });
    count.flushData({ memberOpenHandovers: 3 });
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Bea Sales?' });
    expect(dialog.textContent).toContain(
      'Bea Sales will be signed out and will no longer be able to sign in. Their history stays. ' +
        'Their 3 open handovers go to the unassigned queue for a sales manager to reassign; the due times stay.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    const deactivate = await waitFor(() => apollo.expectOne('DeactivateMember'));
    expect(deactivate.operation.variables).toEqual({ memberId: 'm2' });
    deactivate.flushData({ deactivateMember: { ...bea, status: 'DEACTIVATED' } });

    await waitFor(() =>
      expect(rowTexts()).toContainEqual([
        'Bea Sales',
        'sales@demo.accord.dev',
        'Sales',
        'EMEA',
        'Ada Admin',
        'Yes',
        'Deactivated',
      ]),
    );
    expect(screen.queryByRole('button', { name: 'More actions for Bea Sales' })).toBeNull();

    // Brought back, after a confirmation that is no danger.
    fireEvent.click(screen.getByRole('button', { name: 'Reactivate Bea Sales' }));
    const again = await screen.findByRole('dialog', { name: 'Reactivate Bea Sales?' });
    expect(again.textContent).toContain('Bea Sales can sign in again with the password they had, as Sales.');
    const confirm = within(again).getByRole('button', { name: 'Reactivate' });
    expect(confirm.classList.contains('danger')).toBe(false);
    fireEvent.click(confirm);
    const reactivate = await waitFor(() => apollo.expectOne('ReactivateMember'));
    expect(reactivate.operation.variables).toEqual({ memberId: 'm2' });
    reactivate.flushData({ reactivateMember: { ...bea, status: 'ACTIVE' } });
    await screen.findByRole('button', { name: 'More actions for Bea Sales' });
  });

  it('says in general words where open handovers go when they cannot be counted', async () => {
    const apollo = await renderPage();

    await chooseAction('Bea Sales', 'Deactivate');
    apollo.expectOne('MemberOpenHandovers').networkError(new Error('offline'));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Bea Sales?' });

    expect(dialog.textContent).toContain(
      'Any open handovers of theirs go to the unassigned queue for a sales manager to reassign; the due times stay.',
    );
  });

  it('does nothing when the deactivation is cancelled', async () => {
    const apollo = await renderPage();

    await chooseAction('Bea Sales', 'Deactivate');
    apollo.expectOne('MemberOpenHandovers').flushData({ memberOpenHandovers: 0 });
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).not.toContain('handover');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    apollo.expectNone('DeactivateMember');
  });
});
