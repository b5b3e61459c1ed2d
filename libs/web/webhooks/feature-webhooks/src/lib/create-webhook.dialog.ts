import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import type { WebhookEventName } from '@accord/domain/webhooks';
import { PendingCall } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';
import {
  CreatedWebhookEndpoint,
  WEBHOOK_EVENT_OPTIONS,
  WebhooksStore,
} from '@accord/web/webhooks/data-access';

import { WebhookSecretComponent } from './webhook-secret.component';

/** Registers a webhook endpoint; on success shows its signing secret, the one time it can be seen. */
@Component({
  selector: 'accord-create-webhook-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    FormAlertComponent,
    WebhookSecretComponent,
  ],
  template: `
    <h2 mat-dialog-title>New webhook endpoint</h2>
    @if (created(); as made) {
      <mat-dialog-content>
        <accord-webhook-secret [url]="made.endpoint.url" [secret]="made.secret" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close>I have stored the secret</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <mat-form-field appearance="outline" class="wide">
            <mat-label>URL</mat-label>
            <input matInput type="url" formControlName="url" required />
            <mat-hint>Where Accord POSTs events, e.g. https://crm.example.com/hooks/accord</mat-hint>
            <mat-error>Give an http or https URL.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Description</mat-label>
            <input matInput formControlName="description" />
            <mat-error>At most 200 characters.</mat-error>
          </mat-form-field>
          <fieldset class="events">
            <legend>Events</legend>
            <mat-checkbox
              class="all"
              [checked]="allChosen()"
              [indeterminate]="events().length > 0 && !allChosen()"
              (change)="chooseAll($event.checked)"
            >
              All events
            </mat-checkbox>
            @for (option of options; track option.value) {
              <mat-checkbox
                [checked]="events().includes(option.value)"
                (change)="toggle(option.value, $event.checked)"
              >
                {{ option.label }}
              </mat-checkbox>
            }
            @if (eventsMissing()) {
              <p class="missing" role="alert">Choose at least one event.</p>
            }
          </fieldset>
          <accord-form-alert [message]="error()" />
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <!-- Closing while the endpoint is being created would lose its one-time secret. -->
          <button mat-button type="button" mat-dialog-close [disabled]="pending()">Cancel</button>
          <button mat-flat-button type="submit" [disabled]="pending()">Create endpoint</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .events {
      display: flex;
      flex-direction: column;
      border: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .events legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .all {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      margin-bottom: 4px;
    }
    .missing {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 4px 0 0;
    }
  `,
})
export class CreateWebhookDialog {
  private readonly store = inject(WebhooksStore);

  protected readonly options = WEBHOOK_EVENT_OPTIONS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', [Validators.required, Validators.maxLength(2000), Validators.pattern(/^https?:\/\/\S+$/i)]],
    description: ['', [Validators.maxLength(200)]],
  });
  protected readonly events = signal<WebhookEventName[]>([]);
  protected readonly eventsMissing = signal(false);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly created = signal<CreatedWebhookEndpoint | null>(null);

  protected readonly allChosen = computed(() => this.events().length === this.options.length);

  constructor() {
    // The API's last refusal was about what the form held then: once it changes, it no longer applies, and it
    // must not stand beside the form's own message about the new value.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.call.error.set(null));
  }

  /** Most receivers (a CRM sync, a data warehouse) want every event: one click, not five. */
  protected chooseAll(checked: boolean): void {
    this.events.set(checked ? this.options.map((option) => option.value) : []);
    if (checked) this.eventsMissing.set(false);
  }

  protected toggle(event: WebhookEventName, checked: boolean): void {
    this.events.update((events) => {
      const others = events.filter((entry) => entry !== event);
      // Kept in the form's order, so the request reads like the list.
      const chosen = checked ? [...others, event] : others;
      return this.options.map((option) => option.value).filter((value) => chosen.includes(value));
    });
    if (checked) this.eventsMissing.set(false);
  }

  protected async submit(): Promise<void> {
    const { url, description } = this.form.getRawValue();
    const events = this.events();
    this.eventsMissing.set(events.length === 0);
    if (this.form.invalid || events.length === 0) {
      this.call.error.set(null);
      this.form.markAllAsTouched();
      return;
    }
    const result = await this.call.run(() =>
      this.store.create({
        url: url.trim(),
        events,
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    );
    if (result.ok) this.created.set(result.value);
  }
}
