import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * What an empty, unfiltered leads list says: that there are none yet, and the ways in this reader may use — a CSV
 * import and an API key for admins and marketing, a lead typed in by hand for everyone.
 */
@Component({
  selector: 'accord-no-leads-yet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <p class="title">No leads yet.</p>
    <ul>
      @if (canImport()) {
        <li><a routerLink="/imports">Import a CSV</a> of the leads you already have.</li>
      }
      @if (canUseApiKeys()) {
        <li>
          <a routerLink="/api-keys">Create an API key</a> to send leads and their signals from your website or
          marketing tools.
        </li>
      }
      <li>Add one by hand with <strong>New lead</strong>.</li>
    </ul>
  `,
  styles: `
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class NoLeadsYetComponent {
  readonly canImport = input(false);
  readonly canUseApiKeys = input(false);
}
