import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { fireEvent, render, screen } from '@testing-library/angular';

import { EditorItemComponent } from './editor-item.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EditorItemComponent],
  template: `
    <accord-editor-item [noun]="noun()" [index]="1" [problem]="problem()" (removed)="removed = removed + 1">
      <label>Label <input /></label>
    </accord-editor-item>
  `,
})
class HostComponent {
  noun = signal('KPI');
  problem = signal<string | null>(null);
  removed = 0;
}

describe('EditorItemComponent', () => {
  it('names the item in its legend and its Remove button, and says when Remove is pressed', async () => {
    const { fixture } = await render(HostComponent);

    expect(screen.getByRole('group', { name: 'KPI 2' })).toBeTruthy();
    expect(screen.getByLabelText('Label')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove KPI 2' }));
    expect(fixture.componentInstance.removed).toBe(1);
  });

  it("capitalises a lower-case noun for the legend only, and shows the item's own problem", async () => {
    const { fixture } = await render(HostComponent);
    expect(screen.queryByText('Two reasons have the same key.')).toBeNull();

    fixture.componentInstance.noun.set('reason');
    fixture.componentInstance.problem.set('Two reasons have the same key.');
    fixture.detectChanges();

    expect(screen.getByRole('group', { name: 'Reason 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove reason 2' })).toBeTruthy();
    expect(screen.getByText('Two reasons have the same key.')).toBeTruthy();
  });
});
