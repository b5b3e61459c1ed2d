import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A live region for a form's error. It stays in the page while empty so that screen readers
 * announce the message as soon as it appears.
 */
@Component({
  selector: 'accord-form-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" class="form-alert" [class.shown]="!!message()">
      @if (message(); as text) {
        {{ text }}
      }
    </div>
  `,
  styles: `
    .form-alert.shown {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class FormAlertComponent {
  readonly message = input<string | null>(null);
}
