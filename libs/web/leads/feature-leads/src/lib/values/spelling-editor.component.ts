import {
  type AfterViewInit,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { correctionProblem } from '@accord/web/leads/data-access';
import { type LeadValueField } from '@accord/web/shared/data-access';
import { IssueDirective } from '@accord/web/shared/ui';

/** A value's spelling being corrected in place: its text, checked as typed once sent, saved or let be. */
@Component({
  selector: 'accord-spelling-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IssueDirective, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <form
      class="editor"
      [attr.aria-label]="'Correct the case of ' + current()"
      (submit)="$event.preventDefault(); submit()"
      (keydown.escape)="cancelled.emit()"
      novalidate
    >
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Spelling</mat-label>
        <input
          #text
          matInput
          [accordIssue]="shownProblem()"
          [value]="draft()"
          (input)="draft.set(text.value)"
        />
        @if (shownProblem(); as problem) {
          <mat-error>{{ problem }}</mat-error>
        } @else {
          <mat-hint>Only the case can change, in every lead that holds it.</mat-hint>
        }
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">Save</button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 4px 8px;
    }
    mat-form-field {
      flex: 1 1 240px;
      max-width: 420px;
    }
    .actions {
      display: flex;
      gap: 8px;
      padding-top: 8px;
    }
  `,
})
export class SpellingEditorComponent implements AfterViewInit {
  readonly field = input.required<LeadValueField>();
  readonly current = input.required<string>();
  readonly pending = input(false);
  /** The spelling to store, checked. */
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  protected readonly draft = signal('');
  private readonly sent = signal(false);
  private readonly problem = computed(() => correctionProblem(this.field(), this.current(), this.draft()));
  /** A problem shows once the person has tried to save, then follows their typing. */
  protected readonly shownProblem = computed(() => (this.sent() ? this.problem() : null));
  private readonly text = viewChild.required<ElementRef<HTMLInputElement>>('text');

  ngAfterViewInit(): void {
    this.draft.set(this.current());
    const element = this.text().nativeElement;
    element.value = this.current();
    element.focus();
    element.select();
  }

  protected submit(): void {
    this.sent.set(true);
    if (this.problem() === null) this.saved.emit(this.draft().trim());
  }
}
