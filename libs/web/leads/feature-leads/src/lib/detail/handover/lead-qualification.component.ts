import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { LIMITS } from '@accord/domain/agreement';
import type { LeadQualification } from '@accord/web/handovers/data-access';
import { type QualificationAnswerInput, zonedMinute } from '@accord/web/shared/data-access';

import { trackUnsavedEdits } from '../../shared/unsaved-edits';

interface Draft {
  met: boolean | null;
  note: string;
}

/** The accepted lead's SQL checklist: each item met or not, with a note and who answered; SQL once enough hold. */
@Component({
  selector: 'accord-lead-qualification',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    @let q = qualification();
    <p class="summary">
      @if (q.qualified) {
        <span class="sql">SQL</span>
      }
      {{ summary() }}
    </p>
    @if (answeredTimes()) {
      <p class="zone">Times in {{ timeZone() }}</p>
    }
    <form (submit)="$event.preventDefault(); save()" aria-label="Qualification checklist">
      <ul class="items">
        @for (item of q.items; track item.key) {
          <li>
            @if (writable()) {
              <label class="check">
                <input
                  type="checkbox"
                  [checked]="drafts()[item.key]?.met === true"
                  (change)="setMet(item.key, checked($event))"
                />
                <span class="label">{{ item.label }}</span>
              </label>
            } @else {
              <span class="mark" [attr.aria-label]="markLabel(item.met)">{{ mark(item.met) }}</span>
              <span class="label">{{ item.label }}</span>
            }
            <div class="description">{{ item.description }}</div>
            @if (writable()) {
              <label class="note">
                <span>Note on {{ item.label }} (optional)</span>
                <input
                  type="text"
                  [attr.maxlength]="noteLimit"
                  [value]="drafts()[item.key]?.note ?? ''"
                  (input)="setNote(item.key, text($event))"
                />
              </label>
            } @else if (item.note) {
              <div class="description">Note: {{ item.note }}</div>
            }
            @if (item.answeredBy; as by) {
              <div class="answered">
                Answered by {{ by.name }}{{ item.answeredAt ? ', ' + time(item.answeredAt) : '' }}
              </div>
            }
          </li>
        }
      </ul>
      @if (writable()) {
        <!-- Focusable even when there is nothing to save, so saving does not drop focus; save() ignores it then. -->
        <button
          mat-flat-button
          type="submit"
          disabledInteractive
          [disabled]="pending() || changed().length === 0"
        >
          Save checklist
        </button>
      }
    </form>
  `,
  styles: `
    .summary {
      margin: 0 0 8px;
    }
    .zone {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 4px;
    }
    .sql {
      display: inline-block;
      padding: 2px 10px;
      margin-right: 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .items {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
    }
    .items li {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .check {
      display: inline-flex;
      gap: 8px;
      align-items: center;
    }
    .label {
      font: var(--mat-sys-title-small);
    }
    .mark {
      display: inline-block;
      width: 1.5em;
    }
    .description,
    .answered {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin: 2px 0 0 28px;
    }
    .note {
      display: flex;
      flex-direction: column;
      gap: 2px;
      margin: 4px 0 0 28px;
      font: var(--mat-sys-label-small);
    }
    .note input {
      max-width: 420px;
      padding: 4px 6px;
      font: var(--mat-sys-body-medium);
    }
    input:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class LeadQualificationComponent {
  readonly qualification = input.required<LeadQualification>();
  readonly writable = input(false);
  /** The API's limit on a note, which the field holds to rather than have the whole checklist refused on saving. */
  protected readonly noteLimit = LIMITS.text;
  readonly pending = input(false);
  /** The workspace's IANA time zone, in which the answers' times read. */
  readonly timeZone = input('UTC');
  /** Whether any answer says when it was given, so that the zone is named only when a time shows. */
  protected readonly answeredTimes = computed(() =>
    this.qualification().items.some((item) => item.answeredBy !== null && item.answeredAt !== null),
  );
  /**
   * "3 items hold; 3 needed for SQL (v2 checklist)." An SQL whose answers no longer reach the mark is told why its
   * stage still says SQL: a stage once reached is kept (the funnel counts it), the checklist records the answers.
   */
  protected readonly summary = computed(() => {
    const { met, required, versionNumber, qualified, stage } = this.qualification();
    const counted = `${met} ${met === 1 ? 'item holds' : 'items hold'}; ${required} needed for SQL (v${versionNumber} checklist).`;
    return !qualified && stage === 'SQL'
      ? `${counted} The lead stays an SQL: a stage once reached is kept.`
      : counted;
  });
  readonly answered = output<QualificationAnswerInput[]>();

  /** The member's unsaved answers, started afresh from every checklist the API sends. */
  protected readonly drafts = linkedSignal<Record<string, Draft>>(() =>
    Object.fromEntries(
      this.qualification().items.map((item) => [item.key, { met: item.met, note: item.note ?? '' }]),
    ),
  );
  /** The items whose answer differs from what is saved; only these are sent. */
  protected readonly changed = computed<QualificationAnswerInput[]>(() => {
    const drafts = this.drafts();
    return this.qualification().items.flatMap((item) => {
      const draft = drafts[item.key];
      if (!draft || draft.met === null) return [];
      if (draft.met === item.met && draft.note.trim() === (item.note ?? '')) return [];
      const note = draft.note.trim();
      return [{ key: item.key, met: draft.met, note: note === '' ? null : note }];
    });
  });

  constructor() {
    trackUnsavedEdits(() => this.changed().length > 0);
  }

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }

  protected mark(met: boolean | null): string {
    return met === null ? '—' : met ? '✓' : '✗';
  }

  protected markLabel(met: boolean | null): string {
    return met === null ? 'Not answered' : met ? 'Met' : 'Not met';
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected setMet(key: string, met: boolean): void {
    this.drafts.update((drafts) => ({ ...drafts, [key]: { note: drafts[key]?.note ?? '', met } }));
  }

  protected setNote(key: string, note: string): void {
    // Writing a note answers the item as it stands (unchecked: not met), so the note can be saved.
    this.drafts.update((drafts) => ({ ...drafts, [key]: { met: drafts[key]?.met ?? false, note } }));
  }

  protected save(): void {
    const answers = this.changed();
    if (answers.length > 0 && !this.pending()) this.answered.emit(answers);
  }
}
