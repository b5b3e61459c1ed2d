import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen } from '@testing-library/angular';

import { leadFormFrom } from '@accord/web/leads/data-access';
import { leadFields } from '@accord/web/leads/data-access/testing';

import { LeadFormComponent } from './lead-form.component';

async function renderForm(pending: boolean) {
  const submitted = jest.fn();
  await render(LeadFormComponent, {
    inputs: { value: leadFormFrom(leadFields()), submitLabel: 'Save changes', pending },
    on: { submitted },
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  return submitted;
}

describe('LeadFormComponent', () => {
  it('keeps Save changes focusable while the lead is being saved, and ignores it until done', async () => {
    const submitted = await renderForm(true);

    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save changes' });
    save.focus();
    fireEvent.click(save);

    expect([save.disabled, save.getAttribute('aria-disabled'), document.activeElement === save]).toEqual([
      false,
      'true',
      true,
    ]);
    expect(submitted).not.toHaveBeenCalled();
  });

  it('gives each hint room of its own, so it cannot run into the label of the field below', async () => {
    await renderForm(false);

    const hints = ['Seniority', 'Company domain', 'Country', 'Technologies'].map((label) => {
      const input = screen.getByLabelText(label);
      const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
      // Material's dynamic subscript: the hint takes its height in the layout instead of floating under the box.
      const wrapper = hint?.closest('.mat-mdc-form-field-subscript-wrapper');
      return [
        hint?.textContent?.trim(),
        wrapper?.classList.contains('mat-mdc-form-field-subscript-dynamic-size'),
      ];
    });

    expect(hints).toEqual([
      ['Unknown: read from the job title', true],
      ["Empty: taken from the e-mail's domain", true],
      ['Two letters, e.g. DE', true],
      ['Separated by commas', true],
    ]);
  });
});
