import { signal } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { render, screen, waitFor } from '@testing-library/angular';

import { AgreementDraftStore } from '@accord/web/agreement/data-access';
import { CLOCK } from '@accord/web/shared/data-access';

import { proposedDocument } from '../../testing/fixtures';
import { LivePreviewComponent } from './live-preview.component';

async function renderPreview() {
  const document = proposedDocument();
  await render(LivePreviewComponent, {
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CLOCK, useValue: () => new Date('2026-11-25T09:00:00.000Z') },
      {
        provide: AgreementDraftStore,
        useValue: { document: signal(document), validDocument: signal(document) },
      },
    ],
  });
}

describe('LivePreviewComponent', () => {
  it('names the temperature and the signal types in words, as the lead pages do', async () => {
    await renderPreview();

    const result = screen
      .getAllByRole('term')
      .map((term) => [term.textContent?.trim(), term.nextElementSibling?.textContent?.trim()]);
    // The select shows its choice once it has read its options.
    const first = screen.getByRole('combobox', { name: 'Signal 1 type' });
    await waitFor(() => expect(first.textContent?.trim()).not.toBe(''));
    const signals = ['Signal 1 type', 'Signal 2 type'].map((name) =>
      screen.getByRole('combobox', { name }).textContent?.trim(),
    );

    expect({ result, signals }).toEqual({
      result: [
        ['Fit', '89 · grade A'],
        ['Intent', '25 · Cold'],
        ['Outcome', 'Nurture'],
      ],
      signals: ['Pricing page visit', 'Webinar attended'],
    });
  });

  it('says that the points it explains are scaled to the 0–100 score', async () => {
    await renderPreview();

    expect(screen.getByText(/Points here are scaled: scores are normalised to 0–100/)).toBeTruthy();
  });
});
