import { signal } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, within } from '@testing-library/angular';

import type { AgreementDocument } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { starter } from '../../testing/fixtures';
import { IssueIndex } from '../shared/document-issues';
import { IntentSectionComponent } from './intent-section.component';

describe('IntentSectionComponent', () => {
  it("changes the numbers of the signal type typed in, and no other type's", async () => {
    const document = signal<AgreementDocument>(starter());
    const before = structuredClone(document().intent.signals);
    const edit = (recipe: (draft: AgreementDocument) => void) => {
      const draft = structuredClone(document());
      recipe(draft);
      document.set(draft);
    };
    await render(IntentSectionComponent, {
      inputs: { issues: new IssueIndex([]) },
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: AgreementDraftStore, useValue: { document, edit } },
      ],
    });

    const fifth = screen.getByRole('group', { name: 'Signal type 5' });
    fireEvent.input(within(fifth).getByLabelText('Weight'), { target: { value: '2' } });
    fireEvent.input(within(fifth).getByLabelText('Counts at most'), { target: { value: '7' } });

    const expected = structuredClone(before);
    expected[4] = { ...expected[4], weight: 2, cap: 7 };
    expect(document().intent.signals).toEqual(expected);
  });
});
