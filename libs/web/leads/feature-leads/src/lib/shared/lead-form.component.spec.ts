import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen } from '@testing-library/angular';

import { leadFormFrom } from '@accord/web/leads/data-access';
import { leadFields } from '@accord/web/leads/data-access/testing';

import { LeadFormComponent } from './lead-form.component';

async function renderForm(pending: boolean, value = leadFormFrom(leadFields())) {
  const submitted = jest.fn();
  const view = await render(LeadFormComponent, {
    inputs: { value, submitLabel: 'Save changes', pending },
    on: { submitted },
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  return Object.assign(submitted, { view });
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

  it("focuses the first field with a problem, the form's or the API's, so a scrolled dialog shows it", async () => {
    const submitted = await renderForm(false, { ...leadFormFrom(leadFields()), email: '' });
    const save = screen.getByRole('button', { name: 'Save changes' });
    save.focus();

    fireEvent.click(save);
    await submitted.view.fixture.whenStable();
    expect(document.activeElement).toBe(screen.getByLabelText(/E-mail/));
    expect(submitted).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText(/E-mail/), { target: { value: 'ana@acme.example' } });
    save.focus();
    submitted.view.fixture.componentRef.setInput('problems', {
      country: 'must be a two-letter ISO country code',
    });
    await submitted.view.fixture.whenStable();
    expect(document.activeElement).toBe(screen.getByLabelText('Country'));
    expect(screen.getByText('must be a two-letter ISO country code')).toBeTruthy();
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
