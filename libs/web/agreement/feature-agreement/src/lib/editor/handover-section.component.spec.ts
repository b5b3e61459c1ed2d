import { signal } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { render, screen } from '@testing-library/angular';

import { GRADES, TEMPERATURES } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { starter } from '../../testing/fixtures';
import { IssueIndex } from '../shared/document-issues';
import { HandoverSectionComponent } from './handover-section.component';

async function renderSection() {
  await render(HandoverSectionComponent, {
    inputs: { issues: new IssueIndex([]) },
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: AgreementDraftStore, useValue: { document: signal(starter()), edit: jest.fn() } },
    ],
  });
}

describe('HandoverSectionComponent', () => {
  it('names each of the matrix’s dropdowns by its grade and temperature', async () => {
    await renderSection();

    const names = screen.getAllByRole('combobox').map((select) => select.getAttribute('aria-label'));

    expect(names).toEqual(
      GRADES.flatMap((grade) => TEMPERATURES.map((temperature) => `Grade ${grade}, ${temperature}`)),
    );
    expect(screen.getByRole('combobox', { name: 'Grade C, WARM' })).toBeTruthy();
  });
});
