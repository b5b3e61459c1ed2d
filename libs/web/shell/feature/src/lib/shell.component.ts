import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { AuthService, AuthStore, EmailVerificationStore } from '@accord/web/shared/data-access';

import { EmailVerificationBannerComponent } from './email-verification-banner.component';
import { RedirectNoticeComponent } from './redirect-notice.component';

/** Below this width the navigation becomes an overlay opened from the toolbar (tablets in portrait). */
export const NARROW_SCREEN = '(max-width: 959.98px)';

/** The signed-in frame: toolbar, navigation to the features the member's roles open, and the page. */
@Component({
  selector: 'accord-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // One confirmation status for the frame's banner and the pages under it (the Members page's Invite button).
  providers: [EmailVerificationStore],
  imports: [
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    MatButton,
    MatIconButton,
    MatListItem,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    EmailVerificationBannerComponent,
    RedirectNoticeComponent,
  ],
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    <header>
      <mat-toolbar class="toolbar">
        @if (narrow()) {
          <button
            mat-icon-button
            type="button"
            aria-label="Navigation"
            aria-controls="main-navigation"
            [attr.aria-expanded]="navOpen()"
            (click)="navOpen.set(!navOpen())"
          >
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
            </svg>
          </button>
        }
        <span class="workspace" [attr.title]="store.workspace()?.name">{{ store.workspace()?.name }}</span>
        <span class="spacer"></span>
        <a
          class="member"
          routerLink="/account"
          [attr.aria-label]="'Your account: ' + (store.member()?.name ?? '')"
          >{{ store.member()?.name }}</a
        >
        <button mat-button type="button" (click)="signOut()">Sign out</button>
      </mat-toolbar>
      <accord-email-verification-banner />
      <accord-redirect-notice />
    </header>
    <mat-sidenav-container class="container">
      <mat-sidenav
        id="main-navigation"
        [mode]="narrow() ? 'over' : 'side'"
        [opened]="sidenavOpened()"
        (closedStart)="navOpen.set(false)"
      >
        <nav aria-label="Main">
          <mat-nav-list>
            @for (feature of store.features(); track feature.feature) {
              <a
                mat-list-item
                [routerLink]="['/', feature.path]"
                routerLinkActive
                #link="routerLinkActive"
                [activated]="link.isActive"
                ariaCurrentWhenActive="page"
                (click)="closeIfNarrow()"
                >{{ feature.label }}</a
              >
            }
          </mat-nav-list>
        </nav>
      </mat-sidenav>
      <mat-sidenav-content>
        <main id="main" tabindex="-1" class="page">
          <router-outlet />
        </main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100dvh;
    }
    .toolbar {
      gap: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    /* A name of up to 120 characters is cut with "…" rather than push the member and Sign out off the bar; the
       full name is its title. */
    .workspace {
      font: var(--mat-sys-title-medium);
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .member {
      min-width: 0;
      flex: 0 1 auto;
    }
    .toolbar > button {
      flex-shrink: 0;
    }
    .member {
      font: var(--mat-sys-body-medium);
      color: inherit;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .spacer {
      flex: 1;
    }
    .container {
      flex: 1;
    }
    mat-sidenav {
      width: 240px;
      border-right: 1px solid var(--mat-sys-outline-variant);
    }
    .page {
      padding: 24px;
      outline: none;
    }
    .skip-link {
      position: absolute;
      left: -10000px;
    }
    .skip-link:focus {
      left: 8px;
      top: 8px;
      z-index: 10;
      padding: 8px 12px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
    }
  `,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  protected readonly store = inject(AuthStore);

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Only meaningful on narrow screens: whether the overlay navigation is open. */
  protected readonly navOpen = signal(false);
  protected readonly sidenavOpened = computed(() => !this.narrow() || this.navOpen());

  protected closeIfNarrow(): void {
    if (this.narrow()) this.navOpen.set(false);
  }

  protected signOut(): Promise<void> {
    return this.auth.signOut();
  }
}
