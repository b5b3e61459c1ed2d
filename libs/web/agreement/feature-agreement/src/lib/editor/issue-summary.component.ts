import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { AgreementDocument, DocumentIssue } from '@accord/domain/agreement';

import { describePath } from '../shared/document-paths';

/** How many problems stand between the draft and saving, and where each one is. */
@Component({
  selector: 'accord-issue-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" class="summary" [class.problems]="issues().length > 0">
      @if (issues().length === 0) {
        <p>No problems to fix before saving.</p>
      } @else {
        <p class="count">{{ heading() }}</p>
        <ul>
          @for (line of lines(); track $index) {
            <li>{{ line }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .summary {
      margin: 0 0 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .summary.problems {
      padding: 8px 16px;
      border-left: 4px solid var(--mat-sys-error);
      color: var(--mat-sys-on-surface);
    }
    p {
      margin: 0;
    }
    .count {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-error);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    /* A problem quotes what was typed: a long word (a pasted 300-character label) breaks, not the page's width. */
    li {
      overflow-wrap: anywhere;
    }
  `,
})
export class IssueSummaryComponent {
  readonly issues = input.required<readonly DocumentIssue[]>();
  readonly document = input<AgreementDocument | null>(null);
  /** The form's sections as path prefixes, in the order it shows them: the problems are listed in that order. */
  readonly order = input<readonly string[]>([]);

  protected readonly heading = computed(() => {
    const count = this.issues().length;
    return `${count} ${count === 1 ? 'problem' : 'problems'} to fix before saving`;
  });
  protected readonly lines = computed(() =>
    inFormOrder(this.issues(), this.order()).map(
      (issue) => `${describePath(issue.path, [this.document()])}: ${issue.message}`,
    ),
  );
}

/**
 * The issues in the order of the form's sections (the fields above them first), each section's in the order the
 * domain found them: read top to bottom, the list walks the tabs left to right.
 */
export function inFormOrder(issues: readonly DocumentIssue[], order: readonly string[]): DocumentIssue[] {
  const rank = (path: string) =>
    order.findIndex(
      (prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`),
    );
  return issues
    .map((issue, index) => ({ issue, index, rank: rank(issue.path) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.issue);
}
