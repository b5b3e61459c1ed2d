import { signal } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { render, screen, within } from '@testing-library/angular';

import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { starter } from '../../testing/fixtures';
import { IssueIndex } from '../shared/document-issues';
import { KpisSectionComponent } from './kpis-section.component';

async function renderSection() {
  const document = starter();
  // Three KPIs of the starter's eight: a count, an amount and a rate; and a duration of the dashboard's.
  document.kpis = [
    document.kpis[0],
    document.kpis[3],
    document.kpis[5],
    {
      key: 'sales-cycle-days',
      name: 'Days to close',
      definition: 'Median days from first touch to a won deal.',
      kind: 'OUTCOME',
      target: { value: 30, period: 'MONTH' },
    },
  ];
  await render(KpisSectionComponent, {
    inputs: { issues: new IssueIndex([]) },
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: AgreementDraftStore, useValue: { document: signal(document), edit: jest.fn() } },
    ],
  });
}

function targetFields(kpi: string): string[] {
  const item = screen.getByRole('group', { name: kpi });
  return [
    ...within(item)
      .getAllByRole('spinbutton')
      .map((input) => input.closest('mat-form-field')?.querySelector('mat-label')?.textContent?.trim()),
    ...within(item)
      .queryAllByRole('combobox')
      .map((select) => select.closest('mat-form-field')?.querySelector('mat-label')?.textContent?.trim()),
  ].filter((label) => label !== undefined);
}

describe('KpisSectionComponent', () => {
  it('asks for a period only where a target adds up over time, and names a rate’s or a duration’s unit', async () => {
    await renderSection();

    expect([
      targetFields('KPI 1'),
      targetFields('KPI 2'),
      targetFields('KPI 3'),
      targetFields('KPI 4'),
    ]).toEqual([
      ['Target', 'Kind', 'Per'],
      ['Target', 'Kind', 'Per'],
      ['Target (%)', 'Kind'],
      ['Target (days)', 'Kind'],
    ]);
  });
});
