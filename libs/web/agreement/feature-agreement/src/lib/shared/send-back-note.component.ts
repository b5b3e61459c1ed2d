import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { AgreementEvent } from '@accord/web/agreement/data-access';

import { toEventRow } from './event-row';

/**
 * The send-back a draft is waiting on — who sent it back, when, and what should change — shown at the top of the
 * version page and the editor until the draft is proposed again: the author must not have to find it in the audit
 * trail.
 */
@Component({
  selector: 'accord-send-back-note',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let row = note();
    <section class="note" aria-labelledby="sent-back-heading">
      <h2 id="sent-back-heading">Sent back by {{ row.who }}</h2>
      <p class="meta">{{ row.when }}{{ lapsed() }}</p>
      @if (row.comment) {
        <blockquote>{{ row.comment }}</blockquote>
      }
      <p class="next">Make the changes asked for, then propose it again for signatures.</p>
    </section>
  `,
  styles: `
    .note {
      margin: 16px 0;
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-tertiary);
      border-radius: 0 8px 8px 0;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    p {
      margin: 4px 0 0;
    }
    blockquote {
      margin: 8px 0 0;
      font: var(--mat-sys-body-large);
      /* The note is written in a textarea: its line breaks are the reviewer's. */
      white-space: pre-line;
    }
  `,
})
export class SendBackNoteComponent {
  readonly event = input.required<AgreementEvent>();
  readonly timeZone = input<string | undefined>(undefined);

  protected readonly note = computed(() => toEventRow(this.event(), this.timeZone()));
  /** Signatures the proposal had: sending back voided them, which the author should know. */
  protected readonly lapsed = computed(() => {
    const voided = this.event().details['signaturesVoided'];
    if (typeof voided !== 'number' || voided === 0) return '';
    return ` · ${voided === 1 ? '1 signature lapsed' : `${voided} signatures lapsed`}`;
  });
}
