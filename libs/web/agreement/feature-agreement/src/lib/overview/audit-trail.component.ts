import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import type { AgreementEvent } from '@accord/web/agreement/data-access';

import { toEventRow } from '../shared/event-row';

/** Who did what to which version, newest first, a page at a time. */
@Component({
  selector: 'accord-audit-trail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton],
  template: `
    @if (rows().length === 0 && !loading()) {
      <p class="muted">Nothing has happened yet.</p>
    }
    <ol class="trail">
      @for (row of rows(); track row.id) {
        <li>
          <p class="line">
            <strong>{{ row.action }}</strong>&ngsp;<a [routerLink]="['/agreement/versions', row.versionId]">{{
              row.version
            }}</a>
            · revision {{ row.revision }} · {{ row.who }} · <span class="muted">{{ row.when }}</span>
          </p>
          @if (row.details.length) {
            <p class="details">{{ row.details.join(' · ') }}</p>
          }
          @if (row.comment) {
            <p class="comment">“{{ row.comment }}”</p>
          }
        </li>
      }
    </ol>
    @if (hasMore()) {
      <button mat-stroked-button type="button" [disabled]="loading()" (click)="more.emit()">
        {{ loading() ? 'Loading…' : 'Load more' }}
      </button>
    }
  `,
  styles: `
    .trail {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    li {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    p {
      margin: 0;
    }
    .details,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .comment {
      font-style: italic;
      margin-top: 4px;
    }
  `,
})
export class AuditTrailComponent {
  readonly events = input.required<readonly AgreementEvent[]>();
  readonly hasMore = input(false);
  readonly loading = input(false);
  readonly timeZone = input<string | undefined>(undefined);
  readonly more = output();

  protected readonly rows = computed(() => this.events().map((event) => toEventRow(event, this.timeZone())));
}
