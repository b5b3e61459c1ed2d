import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { sessionFor } from '@accord/web/handovers/data-access/testing';
import { AuthStore } from '@accord/web/shared/data-access';

import { LeadValuesPage } from './lead-values.page';

const values = (field: string, entries: [string, number][], total = entries.length) => ({
  leadValues: {
    __typename: 'LeadValues',
    field,
    total,
    values: entries.map(([spelling, leads]) => ({ __typename: 'LeadValue', spelling, leads })),
  },
});

async function renderPage(roles: ('ADMIN' | 'MARKETING' | 'SALES')[]): Promise<ApolloTestingController> {
  await render(LeadValuesPage, {
    imports: [ApolloTestingModule],
    providers: [provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    configureTestBed: (testBed) => {
      const { member, workspace } = sessionFor('mia', 'Mia', roles, false);
      testBed.inject(AuthStore).setViewer({ member, workspace });
    },
  });
  return TestBed.inject(ApolloTestingController);
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim()));

describe('LeadValuesPage', () => {
  it("lists a field's values with their leads, and corrects a spelling's case in place", async () => {
    const apollo = await renderPage(['MARKETING']);
    apollo.expectOne('LeadValues').flushData(
      values('SOURCE', [
        ['linkedin', 1200],
        ['Webinar', 3],
      ]),
    );
    const table = await screen.findByRole('table', { name: 'Source values and their leads' });
    expect(cells(table)).toEqual([
      ['Source', 'Leads', 'Correction'],
      ['linkedin', '1,200', 'Correct case'],
      ['Webinar', '3', 'Correct case'],
    ]);
    expect(screen.getByText('2 sources, those with the most leads first.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Correct the case of linkedin' }));
    const input = await screen.findByRole('textbox', { name: 'Spelling' });
    // Another value is not a correction: it is refused here, and nothing is sent.
    fireEvent.input(input, { target: { value: 'LinkedIn Ads' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/Only the case can change here: “LinkedIn Ads” is another value/),
    ).toBeTruthy();
    apollo.expectNone('CorrectLeadValue');

    fireEvent.input(input, { target: { value: 'LinkedIn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const mutation = apollo.expectOne('CorrectLeadValue');
    expect(mutation.operation.variables).toEqual({ input: { field: 'SOURCE', spelling: 'LinkedIn' } });
    mutation.flushData({
      correctLeadValue: {
        __typename: 'CorrectedLeadValue',
        field: 'SOURCE',
        spelling: 'LinkedIn',
        previous: 'linkedin',
        leads: 1200,
      },
    });
    const status = await screen.findByRole('status');
    await waitFor(() =>
      expect(status.textContent).toContain('“linkedin” now reads “LinkedIn” in 1,200 leads.'),
    );
    expect(document.activeElement).toBe(status);
    expect(cells(table)[1]).toEqual(['LinkedIn', '1,200', 'Correct case']);
  });

  it('says why the API refused a correction, and Escape lets it be', async () => {
    const apollo = await renderPage(['ADMIN']);
    apollo.expectOne('LeadValues').flushData(values('SOURCE', [['linkedin', 2]]));
    fireEvent.click(await screen.findByRole('button', { name: 'Correct the case of linkedin' }));
    const input = await screen.findByRole('textbox', { name: 'Spelling' });
    fireEvent.input(input, { target: { value: 'LINKEDIN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    apollo
      .expectOne('CorrectLeadValue')
      .graphqlErrors([
        { message: 'No lead has had the source “LINKEDIN” in any case.', extensions: { code: 'NOT_FOUND' } },
      ]);
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('No lead has had the source'));

    fireEvent.keyDown(input, { key: 'Escape' });
    const button = await screen.findByRole('button', { name: 'Correct the case of linkedin' });
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('lists values for sales to read, without corrections, and another field on demand', async () => {
    const apollo = await renderPage(['SALES']);
    apollo.expectOne('LeadValues').flushData(values('SOURCE', [['linkedin', 2]]));
    const table = await screen.findByRole('table', { name: 'Source values and their leads' });
    expect(cells(table)).toEqual([
      ['Source', 'Leads'],
      ['linkedin', '2'],
    ]);
    expect(screen.queryByRole('button', { name: /Correct the case/ })).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'Campaign' }));
    const campaigns = apollo.expectOne('LeadValues');
    expect(campaigns.operation.variables).toEqual({ field: 'CAMPAIGN' });
    campaigns.flushData(
      values(
        'CAMPAIGN',
        [
          ['Q3 push', 9],
          ['Q4 push', 4],
        ],
        1204,
      ),
    );
    expect(await screen.findByText('The 2 campaigns with the most leads, of 1,204.')).toBeTruthy();
  });
});
