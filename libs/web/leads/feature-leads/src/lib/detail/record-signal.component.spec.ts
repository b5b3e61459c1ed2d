import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { LeadDetailStore } from '@accord/web/leads/data-access';
import { leadDetail, leadDetailAnswer } from '@accord/web/leads/data-access/testing';
import { CLOCK } from '@accord/web/shared/data-access';

import { RecordSignalComponent } from './record-signal.component';

const NOW = new Date('2026-11-25T08:40:00.000Z');

/** The form for a loaded lead; the API not asked anything yet. */
async function renderForm(): Promise<ApolloTestingController> {
  await render(RecordSignalComponent, {
    imports: [ApolloTestingModule],
    providers: [
      LeadDetailStore,
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = TestBed.inject(LeadDetailStore).load(leadDetail().lead.id);
  apollo.expectOne('Lead').flushData(leadDetailAnswer());
  await loading;
  return apollo;
}

function record(when: string): void {
  fireEvent.change(screen.getByLabelText('When'), { target: { value: when } });
  fireEvent.click(screen.getByRole('button', { name: 'Record signal' }));
}

function refused(...problems: string[]) {
  return {
    recordSignal: {
      __typename: 'IngestResult',
      stored: 0,
      duplicates: 0,
      refused: 1,
      unmatched: 0,
      items: [{ __typename: 'IngestItem', status: 'REFUSED', problems }],
    },
  };
}

function fieldError(label: string): string | null {
  const field = screen.getByLabelText(label).closest('mat-form-field');
  return field?.querySelector('mat-error')?.textContent?.trim() ?? null;
}

describe('RecordSignalComponent', () => {
  it("shows the API's problem under the field it names, by the field's label, until the field changes", async () => {
    const apollo = await renderForm();

    record('2031-01-01T09:00');
    apollo
      .expectOne('RecordSignal')
      .flushData(refused('occurredAt: must not be more than a day in the future'));

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe(
        'The signal was refused: When must not be more than a day in the future.',
      ),
    );
    expect(fieldError('When')).toBe('Must not be more than a day in the future.');
    expect(screen.getByLabelText('When').getAttribute('aria-invalid')).toBe('true');
    expect(fieldError('Signal type')).toBeNull();

    fireEvent.change(screen.getByLabelText('When'), { target: { value: '2026-11-25T09:00' } });
    await waitFor(() => expect(fieldError('When')).toBeNull());
    expect(screen.getByLabelText('When').getAttribute('aria-invalid')).toBe('false');
  });

  it("words a validation error's fields by their labels too, and keeps a problem of no field as the API wrote it", async () => {
    const apollo = await renderForm();

    record('2026-11-25T09:00');
    apollo.expectOne('RecordSignal').graphqlErrors([
      {
        message: 'source: must be shorter than or equal to 100 characters',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'source', message: 'must be shorter than or equal to 100 characters' },
            { field: 'lead', message: 'lead.id and lead.email name different leads' },
          ],
        },
      },
    ]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe(
        'The signal was refused: Source must be shorter than or equal to 100 characters; ' +
          'lead.id and lead.email name different leads.',
      ),
    );
    expect(fieldError('Source (optional)')).toBe('Must be shorter than or equal to 100 characters.');
  });
});
