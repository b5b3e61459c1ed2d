import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, ElementRef, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

/**
 * A secret or link shown the one time it can be seen: a readonly field, a button that copies it and a polite
 * status that says it was copied. One component, so every one-time value reads, copies and announces the same way.
 */
@Component({
  selector: 'accord-copy-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkCopyToClipboard, MatButton, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <mat-form-field appearance="outline" class="wide">
      <mat-label>{{ label() }}</mat-label>
      <input matInput readonly [value]="value()" />
      @if (hint(); as text) {
        <mat-hint>{{ text }}</mat-hint>
      }
    </mat-form-field>
    <div class="copy">
      <button
        #copy
        mat-button
        type="button"
        [attr.aria-describedby]="describedBy()"
        [cdkCopyToClipboard]="value()"
        (cdkCopyToClipboardCopied)="copied.set($event)"
      >
        {{ copyLabel() }}
      </button>
      <span role="status" class="status">{{ copied() ? copiedMessage() : '' }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .wide {
      width: 100%;
    }
    .copy {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
    .status {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class CopyFieldComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly hint = input<string | null>(null);
  /** The button's name, e.g. "Copy link". */
  readonly copyLabel = input.required<string>();
  /** What the status says once copied, e.g. "Link copied.". */
  readonly copiedMessage = input.required<string>();
  /** The id of the text that tells what to do with the value, read out with the button. */
  readonly describedBy = input<string | null>(null);

  protected readonly copied = signal(false);
  private readonly copyButton = viewChild.required<string, ElementRef<HTMLButtonElement>>('copy', {
    read: ElementRef,
  });

  /** Moves focus to the copy button, for a dialog whose form has just given way to the value. */
  focusCopyButton(): void {
    this.copyButton().nativeElement.focus();
  }
}
