import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, CLOCK, SESSION_STORAGE } from '@accord/web/shared/data-access';

import {
  eventNode,
  eventsPage,
  versionNode as fullVersionNode,
  proposedDocument,
  sessionFor,
  v1Node,
} from '../../testing/fixtures';
import { AgreementEditorPage } from './agreement-editor.page';

/** v2 with three criteria: every control of a fit criterion is a Material field, and jsdom renders them slowly. */
function versionNode(fields: Record<string, unknown> = {}) {
  const document = proposedDocument();
  document.fit.criteria = document.fit.criteria.filter((criterion) =>
    ['employees-200-1000', 'industry-software', 'budget-holder'].includes(criterion.key),
  );
  return fullVersionNode({ document, ...fields });
}

type Session = ReturnType<typeof sessionFor>;

/** The editor's "today": Friday 20 November 2026. */
const NOW = new Date('2026-11-20T10:00:00.000Z');

async function renderEditor(
  session: Session = sessionFor('mia-id', 'Mia Marketing', ['MARKETING'], true),
  node = versionNode(),
): Promise<ApolloTestingController> {
  await render(AgreementEditorPage, {
    inputs: { id: 'v2-id' },
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: CLOCK, useValue: () => NOW },
    ],
    configureTestBed: () => {
      TestBed.inject(AuthStore).start(session);
    },
  });
  const apollo = TestBed.inject(ApolloTestingController);
  apollo.expectOne('AgreementVersions').flushData({ agreementVersions: [node, v1Node()] });
  apollo.expectOne('AgreementVersion').flushData({ agreementVersion: node });
  await screen.findByRole('heading', { level: 1, name: 'Edit v2' });
  return apollo;
}

function gradeA(): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>('Grade A');
}

function type(input: HTMLElement, value: string): void {
  fireEvent.input(input, { target: { value } });
}

function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name });
}

/** Save and Propose stay focusable when unavailable (Material's disabledInteractive): they say so instead. */
function unavailable(name: string): boolean {
  return button(name).getAttribute('aria-disabled') === 'true';
}

describe('AgreementEditorPage', () => {
  it('shows the domain’s issue next to the field and in the summary, and blocks saving until it is fixed', async () => {
    await renderEditor();
    expect(gradeA().value).toBe('80');

    type(gradeA(), '50');

    await screen.findByText('Must be above B (55)');
    expect(gradeA().getAttribute('aria-invalid')).toBe('true');
    // Both grades of the pair say so: the member may have meant to change either.
    expect(screen.getByLabelText('Grade B').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('2 problems to fix before saving')).toBeTruthy();
    expect(screen.getByText('Fit › Grade thresholds › Grade A: must be above B (55)')).toBeTruthy();
    expect(screen.getByText('Fit › Grade thresholds › Grade B: must be below A (50)')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'ICP & fit (2)' })).toBeTruthy();
    expect(unavailable('Save')).toBe(true);

    type(gradeA(), '85');

    await screen.findByText('No problems to fix before saving.');
    expect(screen.queryByText('Must be above B (55)')).toBeNull();
    expect(unavailable('Save')).toBe(false);
    expect(unavailable('Propose')).toBe(true);
  });

  it('asks before the tab is closed or reloaded, only while there are unsaved changes', async () => {
    await renderEditor();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);

    type(gradeA(), '85');
    await screen.findByText('Unsaved changes.');

    expect(unload()).toBe(true);
  });

  it('writes the chosen effective day as the app writes dates', async () => {
    await renderEditor();
    expect(screen.getByText('Empty: as soon as both sides sign')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Take effect on (optional)'), { target: { value: '2026-11-27' } });

    await screen.findByText('27 Nov 2026');
  });

  it('flags a day to take effect that is not after today on the field, and does not offer Save', async () => {
    await renderEditor();
    type(gradeA(), '85');
    await waitFor(() => expect(unavailable('Save')).toBe(false));
    const day = screen.getByLabelText('Take effect on (optional)');

    fireEvent.change(day, { target: { value: '2026-11-19' } });

    await screen.findByText(
      'Choose a date after today, or leave it empty to take effect as soon as both sides sign',
    );
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('1 problem to fix before saving')).toBeTruthy();
    expect(
      screen.getByText(
        'Take effect on: choose a date after today, or leave it empty to take effect as soon as both sides sign',
      ),
    ).toBeTruthy();
    expect(unavailable('Save')).toBe(true);

    fireEvent.change(day, { target: { value: '2026-11-21' } });

    await screen.findByText('No problems to fix before saving.');
    expect(unavailable('Save')).toBe(false);
  });

  it('asks for a number where one was emptied', async () => {
    await renderEditor();

    type(gradeA(), '');

    await screen.findByText('Enter a number');
    expect(screen.getByText('Fit › Grade thresholds › Grade A: enter a number')).toBeTruthy();
  });

  it('shows the send-back the draft waits on above the editor', async () => {
    const apollo = await renderEditor(undefined, versionNode({ status: 'DRAFT', revision: 4 }));

    apollo.expectOne('AgreementEvents').flushData(eventsPage([eventNode()]));

    const note = await screen.findByRole('region', { name: 'Sent back by Sam Sales' });
    expect(within(note).getByText('Keep grade A at 75.')).toBeTruthy();
    expect(within(note).getByText('3 Mar 2026, 15:30 · 1 signature lapsed')).toBeTruthy();
  });

  it('saves over the revision it read, and on a conflict keeps the member’s edits until they choose', async () => {
    const apollo = await renderEditor();
    type(gradeA(), '85');
    await waitFor(() => expect(unavailable('Save')).toBe(false));

    fireEvent.click(button('Save'));
    const save = apollo.expectOne('SaveAgreementDraft');
    expect(save.operation.variables['input'].baseRevision).toBe(3);
    save.graphqlErrors([
      {
        message:
          'v2 was changed by Mia Marketing: it is at revision 5, you worked on revision 3. Nothing was edited.',
        extensions: { code: 'CONFLICT', currentRevision: 5, status: 'DRAFT', changedBy: 'Mia Marketing' },
      },
    ]);

    await screen.findByText('Mia Marketing saved revision 5 first.');
    // The header names the revision the edits start from and the one that won, not only the former.
    expect(screen.getByText(/your edits start from revision 3; the latest is revision 5/)).toBeTruthy();
    // The API's "Nothing was edited … apply your change again" is not what the editor, which kept the edits, says.
    expect(screen.queryByText(/Nothing was edited/)).toBeNull();
    expect(
      screen.getByText('Your edits were not saved, and they are still here. Choose whose version to keep.'),
    ).toBeTruthy();
    expect(gradeA().value).toBe('85');
    button('Keep mine and save over theirs').focus();
    fireEvent.click(button('Keep mine and save over theirs'));

    const retry = apollo.expectOne('SaveAgreementDraft');
    expect([
      retry.operation.variables['input'].baseRevision,
      retry.operation.variables['input'].document.fit.grades.A,
    ]).toEqual([5, 85]);
    retry.flushData({
      saveAgreementDraft: versionNode({
        status: 'DRAFT',
        revision: 6,
        document: retry.operation.variables['input'].document,
      }),
    });

    await screen.findByText('Saved as revision 6.');
    expect(screen.queryByText('Someone saved revision 5 first.')).toBeNull();
    expect(screen.getByText(/Draft · revision 6/)).toBeTruthy();
    expect(unavailable('Propose')).toBe(false);
    // The banner went with the focused button; focus went on to Save.
    await waitFor(() => expect(document.activeElement).toBe(button('Save')));
  });

  it('keeps Save focused while saving and after, and ignores it meanwhile', async () => {
    const apollo = await renderEditor();
    type(gradeA(), '85');
    await waitFor(() => expect(unavailable('Save')).toBe(false));

    const save = button('Save');
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(unavailable('Saving…')).toBe(true));
    fireEvent.click(save);
    const request = apollo.expectOne('SaveAgreementDraft');
    request.flushData({
      saveAgreementDraft: versionNode({
        status: 'DRAFT',
        revision: 4,
        document: request.operation.variables['input'].document,
      }),
    });

    await screen.findByText('Saved as revision 4.');
    expect([save.disabled, unavailable('Save'), document.activeElement === save]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('reloads their version when the member gives up their edits', async () => {
    const apollo = await renderEditor();
    type(gradeA(), '85');
    await waitFor(() => expect(unavailable('Save')).toBe(false));
    fireEvent.click(button('Save'));
    apollo
      .expectOne('SaveAgreementDraft')
      .graphqlErrors([
        { message: 'Changed by someone else.', extensions: { code: 'CONFLICT', currentRevision: 5 } },
      ]);
    await screen.findByText('Someone saved revision 5 first.');

    fireEvent.click(button('Reload theirs (discard mine)'));
    const theirs = versionNode({ status: 'DRAFT', revision: 5 });
    (theirs.document as { fit: { grades: { A: number } } }).fit.grades.A = 90;
    apollo.expectOne('AgreementVersion').flushData({ agreementVersion: theirs });

    await waitFor(() => expect(gradeA().value).toBe('90'));
    expect(screen.queryByText('Someone saved revision 5 first.')).toBeNull();
  });

  it('shows the API’s field problems on their fields', async () => {
    const apollo = await renderEditor();
    type(gradeA(), '85');
    await waitFor(() => expect(unavailable('Save')).toBe(false));

    fireEvent.click(button('Save'));
    apollo.expectOne('SaveAgreementDraft').graphqlErrors([
      {
        message: 'The agreement is not valid: document.fit.grades.B must be above C (35).',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'document.fit.grades.B', message: 'must be above C (35)' }],
        },
      },
    ]);

    await screen.findByText('Must be above C (35)');
    expect(screen.getByLabelText('Grade B').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent?.trim())).toContain(
      'The agreement is not valid: document.fit.grades.B must be above C (35).',
    );
  });

  it('proposes the saved draft', async () => {
    const apollo = await renderEditor();
    type(gradeA(), '85');
    await waitFor(() => expect(unavailable('Save')).toBe(false));
    fireEvent.click(button('Save'));
    const save = apollo.expectOne('SaveAgreementDraft');
    save.flushData({
      saveAgreementDraft: versionNode({
        status: 'DRAFT',
        revision: 4,
        document: save.operation.variables['input'].document,
      }),
    });
    await waitFor(() => expect(unavailable('Propose')).toBe(false));

    fireEvent.input(screen.getByLabelText('Comment for the audit trail (optional)'), {
      target: { value: 'Ready for signatures' },
    });
    fireEvent.click(button('Propose'));

    const propose = apollo.expectOne('ProposeAgreementVersion');
    expect(propose.operation.variables).toEqual({
      input: { versionId: 'v2-id', revision: 4, comment: 'Ready for signatures' },
    });
  });

  it('scores a sample lead with the unsaved draft', async () => {
    await renderEditor();
    const preview = screen.getByRole('complementary', { name: 'Live preview' });
    await waitFor(() => expect(preview.textContent).toContain('Fit50 · grade C'));

    type(screen.getByLabelText('Grade B'), '45');

    await waitFor(() => expect(preview.textContent).toContain('Fit50 · grade B'));
  });

  describe('in a new workspace with no sales members', () => {
    const olivia = '00000000-0000-4000-8000-0000000000c1';
    const admin = sessionFor(olivia, 'Olivia Admin', ['ADMIN'], false);
    const colleagues = {
      colleagues: [
        {
          __typename: 'Colleague',
          id: olivia,
          name: 'Olivia Admin',
          roles: ['ADMIN'],
          status: 'ACTIVE',
          approver: false,
        },
      ],
    };
    function starterDraft(memberIds: string[]) {
      const node = versionNode({ status: 'DRAFT' });
      node.document.handover.routing = { mode: 'ROUND_ROBIN', memberIds };
      return node;
    }
    const advice =
      'No one in this workspace is an active sales member yet, so leads cannot be routed to anyone. You can save ' +
      'this draft; to propose it, invite sales members on Members (or give someone the Sales role there), then ' +
      'add them under Routing. Open Members';

    it('saves the starter routed to no one, and says why Propose waits, with the way to Members', async () => {
      const apollo = await renderEditor(admin, starterDraft([]));
      apollo.expectOne('AgreementColleagues').flushData(colleagues);

      const note = await screen.findByRole('note');
      await waitFor(() => expect(note.textContent?.replace(/\s+/g, ' ').trim()).toBe(advice));
      expect(within(note).getByRole('link', { name: 'Open Members' }).getAttribute('href')).toBe('/members');
      expect(screen.getByText('No problems to fix before saving.')).toBeTruthy();
      expect(unavailable('Propose')).toBe(true);

      type(gradeA(), '85');
      await waitFor(() => expect(unavailable('Save')).toBe(false));
    });

    it('names the admin a draft routes to as no sales member before Save is tried', async () => {
      const apollo = await renderEditor(admin, starterDraft([olivia]));
      apollo.expectOne('AgreementColleagues').flushData(colleagues);

      await screen.findByText('1 problem to fix before saving');
      expect(screen.getByText(/: Olivia Admin is not an active sales member$/)).toBeTruthy();
      expect(screen.getByRole('tab', { name: 'Routing (1)' })).toBeTruthy();
      expect(screen.getByRole('note').textContent).toContain(
        'No one in this workspace is an active sales member',
      );
      type(gradeA(), '85');
      await screen.findByText('Unsaved changes.');
      expect(unavailable('Save')).toBe(true);
    });
  });
});
