import { signal } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { render, screen, waitFor } from '@testing-library/angular';

import type { AgreementDocument } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';
import { CLOCK } from '@accord/web/shared/data-access';

import { proposedDocument } from '../../testing/fixtures';
import { LivePreviewComponent } from './live-preview.component';

async function renderPreview(document: AgreementDocument = proposedDocument()) {
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

  it('says that the points it explains are scaled to the 0–100 score, naming a line that reads differently', async () => {
    // The draft's best criteria add up to 95, so each point counts ×1.05.
    await renderPreview();

    expect(
      screen.getByText(
        /^Fit points are scaled so that the best possible lead scores 100: the agreement's best criteria add up to 95, so each point counts ×1\.05 \(.+: \+\d+ in the agreement, \+\d+ here\)\.$/,
      ),
    ).toBeTruthy();
  });

  it('says nothing of scaling when the best criteria add up to 100', async () => {
    const document = proposedDocument();
    document.fit.criteria.push({
      key: 'sales-department',
      label: 'Sales department',
      field: 'department',
      condition: { kind: 'ANY_OF', values: ['Sales'] },
      points: 5,
    });
    await renderPreview(document);

    expect(screen.getAllByRole('term')[0].textContent?.trim()).toBe('Fit');
    expect(screen.queryByText(/scaled/)).toBeNull();
  });
});
