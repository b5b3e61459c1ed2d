import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';

import { Role } from '@accord/domain/workspace';
import { Invitation, MembersStore, pendingInvitationNotice } from '@accord/web/members/data-access';
import {
  type MemberFieldsFragment,
  PendingCall,
  injectWorkspaceTimeZone,
  zonedMinute,
} from '@accord/web/shared/data-access';
import { CopyFieldComponent, FormAlertComponent } from '@accord/web/shared/ui';

import { RoleCheckboxesComponent } from './role-checkboxes.component';

/**
 * Invites a member — or, given an invited member, invites them again: their earlier link stops working and the name
 * and roles chosen here apply. On success shows the one-time invite link for the admin to pass on.
 */
@Component({
  selector: 'accord-invite-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatSlideToggle,
    CopyFieldComponent,
    FormAlertComponent,
    RoleCheckboxesComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ again ? 'Invite ' + again.name + ' again' : 'Invite member' }}</h2>
    @if (invitation(); as sent) {
      <mat-dialog-content>
        @if (sent.inviteUrl; as link) {
          <p id="invite-sent">
            {{ sent.member.name }} is invited. Send them this link; it works once and expires {{ expires() }}.
          </p>
          <accord-copy-field
            label="Invite link"
            [value]="link"
            copyLabel="Copy link"
            copiedMessage="Link copied."
            describedBy="invite-sent"
          />
        } @else {
          <!-- With mail configured, the link goes to the invitee alone: nobody else can accept it for them. -->
          <p id="invite-sent">
            {{ sent.member.name }} is invited: we e-mailed {{ sent.member.email }} a link that works once and
            expires {{ expires() }}.
          </p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button #done mat-flat-button type="button" mat-dialog-close aria-describedby="invite-sent">
          Done
        </button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          @if (again) {
            <p class="again">A new link replaces the one sent before, which stops working.</p>
          }
          <mat-form-field appearance="outline" class="wide">
            <mat-label>E-mail</mat-label>
            <input
              matInput
              type="email"
              formControlName="email"
              required
              (input)="typedEmail.set(text($event))"
            />
            <mat-error>Enter a valid e-mail address.</mat-error>
          </mat-form-field>
          @if (pendingNotice(); as notice) {
            <p class="again" role="status">{{ notice }}</p>
          }
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            <mat-error>Enter the member's name.</mat-error>
          </mat-form-field>
          <accord-role-checkboxes [(value)]="roles" />
          <mat-slide-toggle [checked]="approver()" (change)="approver.set($event.checked)">
            Approver (signs the agreement for their side)
          </mat-slide-toggle>
          <accord-form-alert [message]="error()" />
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <!-- Closing while the invitation is being made would lose its one-time link. -->
          <button mat-button type="button" mat-dialog-close [disabled]="pending()">Cancel</button>
          <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">
            {{ again ? 'Send new invitation' : 'Send invitation' }}
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .wide {
      width: 100%;
    }
    mat-slide-toggle {
      display: block;
      margin: 0 0 16px;
    }
    .again {
      font: var(--mat-sys-body-medium);
      margin: 0 0 16px;
    }
  `,
})
export class InviteMemberDialog {
  private readonly store = inject(MembersStore);
  private readonly timeZone = injectWorkspaceTimeZone();

  /** The invited member to invite again; null for a new invitation. */
  protected readonly again = inject<MemberFieldsFragment | null>(MAT_DIALOG_DATA, { optional: true }) ?? null;
  protected readonly form = inject(NonNullableFormBuilder).group({
    // Inviting again is for the same address: another one would be a new member.
    email: [
      { value: this.again?.email ?? '', disabled: this.again !== null },
      [Validators.required, Validators.email],
    ],
    name: [this.again?.name ?? '', [Validators.required, Validators.maxLength(120)]],
  });
  protected readonly roles = signal<Role[]>(this.again ? [...this.again.roles] : []);
  /** The address as typed, to say when it is a pending invitee's (inviting again from their row says so itself). */
  protected readonly typedEmail = signal('');
  protected readonly pendingNotice = computed(() =>
    this.again ? null : pendingInvitationNotice(this.store.list(), this.typedEmail()),
  );
  protected readonly approver = signal(this.again?.approver ?? false);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly invitation = signal<Invitation | null>(null);
  /** Until when the link works, on the workspace's clock, which it names. */
  protected readonly expires = computed(() => {
    const sent = this.invitation();
    return sent ? `${zonedMinute(sent.expiresAt, this.timeZone())} (${this.timeZone()})` : '';
  });
  private readonly injector = inject(Injector);
  private readonly copyField = viewChild(CopyFieldComponent);
  private readonly doneButton = viewChild<string, ElementRef<HTMLElement>>('done', { read: ElementRef });

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async submit(): Promise<void> {
    // Send invitation stays focusable while the invitation is made, so the form can still be submitted.
    if (this.pending()) return;
    if (this.form.invalid || this.roles().length === 0) {
      this.form.markAllAsTouched();
      this.error.set(this.roles().length === 0 ? 'Choose at least one role.' : null);
      return;
    }
    const { email, name } = this.form.getRawValue();
    const result = await this.call.run(() =>
      this.store.invite({
        email: email.trim(),
        name: name.trim(),
        roles: this.roles(),
        approver: this.approver(),
      }),
    );
    if (!result.ok) return;
    this.invitation.set(result.value);
    // The form, and the button that had focus, give way to the link: focus its copy button (Done when the link was
    // e-mailed), described by the text.
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
