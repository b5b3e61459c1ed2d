import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A page's title row: its one `h1`, then any `[headingExtra]` content (a status chip) inside the heading,
 * an optional `[subtitle]` line beneath it, and the page's actions (the rest of the content) at the end.
 */
@Component({
  selector: 'accord-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="header">
      <div>
        <h1 class="heading">{{ heading() }} <ng-content select="[headingExtra]" /></h1>
        <ng-content select="[subtitle]" />
      </div>
      <ng-content />
    </header>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 16px;
    }
    .header {
      display: flex;
      /* Baseline keeps a button level with the heading, with or without a subtitle beneath it. */
      align-items: baseline;
      justify-content: space-between;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .heading {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
  `,
})
export class PageHeaderComponent {
  /** The page's name, the text of its `h1`. */
  readonly heading = input.required<string>();
}
