import { ChangeDetectionStrategy, Component } from '@angular/core';
import { render, screen } from '@testing-library/angular';

import { PageHeaderComponent } from './page-header.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeaderComponent],
  template: `
    <accord-page-header heading="v2">
      <span headingExtra>Proposed</span>
      <p subtitle>Revision 3</p>
      <button type="button">Edit proposal</button>
    </accord-page-header>
  `,
})
class HostComponent {}

describe('PageHeaderComponent', () => {
  it('names the page in its one level-one heading', async () => {
    await render(PageHeaderComponent, { inputs: { heading: 'Members' } });

    expect(screen.getByRole('heading', { level: 1 }).textContent?.trim()).toBe('Members');
  });

  it('puts the heading extra inside the heading, the subtitle under it and the actions beside them', async () => {
    const { container } = await render(HostComponent);

    const header = container.querySelector('header');
    expect(screen.getByRole('heading', { level: 1, name: 'v2 Proposed' })).toBeTruthy();
    expect(header?.querySelector('h1 + p')?.textContent).toBe('Revision 3');
    expect(header?.contains(screen.getByRole('button', { name: 'Edit proposal' }))).toBe(true);
  });
});
