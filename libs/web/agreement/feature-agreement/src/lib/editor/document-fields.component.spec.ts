import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { fireEvent, render, screen } from '@testing-library/angular';

import { NumberFieldComponent, TextFieldComponent } from './document-fields.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberFieldComponent, TextFieldComponent],
  template: `
    <accord-text-field
      label="Key"
      [value]="key()"
      [problem]="keyProblem()"
      hint="Lower case"
      (changed)="key.set($event)"
    />
    <accord-number-field label="Points" [value]="points()" (changed)="points.set($event)" />
  `,
})
class HostComponent {
  key = signal('fit-1');
  keyProblem = signal<string | null>(null);
  points = signal<number | null>(10);
}

describe('the document fields', () => {
  it('show the value, pass on each edit, and show the hint until there is a problem', async () => {
    const { fixture } = await render(HostComponent);
    const key = screen.getByLabelText<HTMLInputElement>('Key');
    const points = screen.getByLabelText<HTMLInputElement>('Points');
    expect([key.value, points.value, screen.queryByText('Lower case') !== null]).toEqual([
      'fit-1',
      '10',
      true,
    ]);

    fireEvent.input(key, { target: { value: 'fit-2' } });
    fireEvent.input(points, { target: { value: '' } });
    expect([fixture.componentInstance.key(), fixture.componentInstance.points()]).toEqual(['fit-2', null]);

    fixture.componentInstance.keyProblem.set('Two criteria have the key "fit-2".');
    fixture.detectChanges();
    expect(screen.getByText('Two criteria have the key "fit-2".')).toBeTruthy();
    expect(screen.queryByText('Lower case')).toBeNull();
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(points.getAttribute('aria-invalid')).toBe('false');
  });

  it('read what is typed into a number field as a number', async () => {
    const { fixture } = await render(HostComponent);
    const points = screen.getByLabelText<HTMLInputElement>('Points');
    fireEvent.input(points, { target: { value: '25' } });
    fixture.detectChanges();
    expect([fixture.componentInstance.points(), points.value]).toEqual([25, '25']);
  });
});
