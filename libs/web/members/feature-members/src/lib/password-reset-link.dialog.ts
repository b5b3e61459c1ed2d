import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

import { MemberRow, MembersStore, PasswordResetLink } from '@accord/web/members/data-access';
import { PendingCall } from '@accord/web/shared/data-access';
import { CopyFieldComponent, FormAlertComponent } from '@accord/web/shared/ui';

/**
 * Makes a one-time link for an active member to choose a new password; shows it for the admin to pass on, or says
 * it was e-mailed to the member when the API keeps it for them alone.
 */
@Component({
  selector: 'accord-password-reset-link-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    CopyFieldComponent,
    FormAlertComponent,
  ],
  template: `
    <h2 mat-dialog-title>Reset password link</h2>
    @if (link(); as made) {
      <mat-dialog-content>
        @if (made.resetUrl; as url) {
          <p id="reset-link-made">
            Send {{ made.member.name }} this link to choose a new password; it works once, for one hour.
          </p>
          <accord-copy-field
            label="Reset link"
            [value]="url"
            copyLabel="Copy link"
            copiedMessage="Link copied."
            describedBy="reset-link-made"
          />
        } @else {
          <!-- With mail configured, the link goes to the member alone: nobody else can take over their account. -->
          <p id="reset-link-made">
            We e-mailed {{ made.member.email }} a link to choose a new password; it works once, for one hour.
          </p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button #done mat-flat-button type="button" mat-dialog-close aria-describedby="reset-link-made">
          Done
        </button>
      </mat-dialog-actions>
    } @else {
      <mat-dialog-content>
        <p>
          Make a one-time link for {{ member.name }} to choose a new password? Their password stays as it is
          until they use it; an earlier link of theirs stops working. Choosing a new password signs them out
          everywhere.
        </p>
        <accord-form-alert [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <!-- Closing while the link is being made would lose it. -->
        <button mat-button type="button" mat-dialog-close [disabled]="pending()">Cancel</button>
        <button mat-flat-button type="button" disabledInteractive [disabled]="pending()" (click)="create()">
          Create link
        </button>
      </mat-dialog-actions>
    }
  `,
})
export class PasswordResetLinkDialog {
  private readonly store = inject(MembersStore);

  protected readonly member = inject<MemberRow>(MAT_DIALOG_DATA);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly link = signal<PasswordResetLink | null>(null);
  private readonly injector = inject(Injector);
  private readonly copyField = viewChild(CopyFieldComponent);
  private readonly doneButton = viewChild<string, ElementRef<HTMLElement>>('done', { read: ElementRef });

  protected async create(): Promise<void> {
    if (this.pending()) return;
    const result = await this.call.run(() => this.store.createPasswordResetLink(this.member.id));
    if (!result.ok) return;
    this.link.set(result.value);
    // The question gives way to the link: focus its copy button (Done when the link was e-mailed).
    afterNextRender(
      {
        write: () => {
          const copyField = this.copyField();
          if (copyField) copyField.focusCopyButton();
          else this.doneButton()?.nativeElement.focus();
        },
      },
      { injector: this.injector },
    );
  }
}
