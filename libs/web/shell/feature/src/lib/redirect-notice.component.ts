import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map } from 'rxjs';

import { RedirectNotice } from '@accord/web/shared/data-access/session';

/**
 * Says why a guard brought the member here instead of the page they asked for ("Members is for admins."), on the
 * page it brought them to only: once they move on, it is gone.
 */
@Component({
  selector: 'accord-redirect-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    @if (shown(); as message) {
      <aside class="notice" aria-label="Why you are here">
        <p role="status">{{ message }}</p>
        <button mat-button type="button" (click)="notice.dismiss()">Dismiss</button>
      </aside>
    }
  `,
  styles: `
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 24px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    p {
      margin: 0;
      flex: 1;
    }
  `,
})
export class RedirectNoticeComponent {
  protected readonly notice = inject(RedirectNotice);
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  protected readonly shown = computed(() => {
    const note = this.notice.note();
    return note !== null && note.url === this.url() ? note.message : null;
  });
}
