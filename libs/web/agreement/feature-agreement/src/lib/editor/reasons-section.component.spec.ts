import { signal } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { render, screen, within } from '@testing-library/angular';

import { parseAgreementDocument } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { starter } from '../../testing/fixtures';
import { IssueIndex } from '../shared/document-issues';
import { ReasonsSectionComponent } from './reasons-section.component';

describe('ReasonsSectionComponent', () => {
  it('shows the domain’s problems in the form’s own words: its item names, no internal codes', async () => {
    const document = starter();
    document.rejectionReasons[0].label = 'Not ready to buy';
    document.rejectionReasons[0].recycleAfterDays = null;
    document.rejectionReasons.push({
      ...document.rejectionReasons[1],
      key: 'again',
      label: 'Not  ready to buy',
    });
    const parsed = parseAgreementDocument(document);
    await render(ReasonsSectionComponent, {
      inputs: { issues: new IssueIndex(parsed.ok ? [] : parsed.issues) },
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: AgreementDraftStore, useValue: { document: signal(document), edit: jest.fn() } },
      ],
    });

    const first = screen.getByRole('group', { name: 'Reason 1' });
    expect(within(first).getByText('Is required when the reason recycles the lead')).toBeTruthy();
    expect(within(first).getByLabelText('Recycle after (days)').getAttribute('aria-invalid')).toBe('true');
    expect(
      within(screen.getByRole('group', { name: 'Reason 6' })).getByText(/^Repeats the label/).textContent,
    ).toBe('Repeats the label "Not  ready to buy" of reason 1');
  });
});
