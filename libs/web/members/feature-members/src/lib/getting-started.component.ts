import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { canUse } from '@accord/domain/workspace';
import { GettingStartedStore, MembersStore, gettingStartedSteps } from '@accord/web/members/data-access';
import { AuthStore } from '@accord/web/shared/data-access';

/**
 * A new workspace's first steps, for its admins, where sign-up lands them (Members): invite the team, write the
 * agreement, get it signed and published, add leads. Each step shows whether it is done from what the workspace
 * holds; once all are done, or the admin hides it, this browser stops showing (and reading) it. Reads the members
 * from the page's MembersStore.
 */
@Component({
  selector: 'accord-getting-started',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [GettingStartedStore],
  imports: [MatButton, RouterLink],
  template: `
    @if (steps(); as list) {
      <section class="getting-started" aria-labelledby="getting-started-heading">
        <div class="head">
          <h2 id="getting-started-heading">Getting started</h2>
          <span class="count">{{ doneCount() }} of {{ list.length }} done</span>
          <button mat-button type="button" (click)="dismiss()">Hide getting started</button>
        </div>
        <ol>
          @for (step of list; track step.key) {
            <li [class.done]="step.done">
              <span class="state">{{ step.done ? 'Done' : 'To do' }}</span>
              <div>
                <p class="title">{{ step.title }}</p>
                <p class="detail">{{ step.detail }}</p>
                @if (step.links.length && !step.done) {
                  <p class="links">
                    @for (link of step.links; track link.path) {
                      <a [routerLink]="link.path">{{ link.label }}</a>
                    }
                  </p>
                }
              </div>
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .getting-started {
      margin: 0 0 24px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px 16px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .count {
      flex: 1;
      color: var(--mat-sys-on-surface-variant);
    }
    ol {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: grid;
      grid-template-columns: 4.5em minmax(0, 1fr);
      gap: 8px;
      padding: 8px 0;
    }
    li + li {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .state {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    li.done .state,
    li.done .detail {
      color: var(--mat-sys-on-surface-variant);
    }
    p {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .detail {
      font: var(--mat-sys-body-medium);
    }
    .links {
      display: flex;
      gap: 16px;
      margin-top: 4px;
    }
  `,
})
export class GettingStartedComponent {
  private readonly auth = inject(AuthStore);
  private readonly members = inject(MembersStore);
  private readonly store = inject(GettingStartedStore);

  private readonly workspaceId = computed(() => this.auth.workspace()?.id ?? null);
  private readonly dismissed = signal(false);
  /** For admins of a workspace whose checklist this browser was not told to stop showing. */
  private readonly wanted = computed(() => {
    const workspaceId = this.workspaceId();
    return (
      workspaceId !== null &&
      !this.dismissed() &&
      canUse(this.auth.roles(), 'MEMBERS') &&
      !untracked(() => this.store.isSettled(workspaceId))
    );
  });
  private readonly all = computed(() => {
    const versionStatuses = this.store.versionStatuses();
    if (!this.wanted() || versionStatuses === null || this.members.loading()) return null;
    return gettingStartedSteps({
      members: this.members.list(),
      versionStatuses,
      hasLeads: this.store.hasLeads(),
    });
  });
  /** The steps while any is left to do; null while loading, when hidden, or once every step is done. */
  protected readonly steps = computed(() => {
    const steps = this.all();
    return steps && steps.some((step) => !step.done) ? steps : null;
  });
  protected readonly doneCount = computed(() => this.steps()?.filter((step) => step.done).length ?? 0);

  constructor() {
    effect(() => {
      if (this.wanted()) untracked(() => void this.store.load());
    });
    // All done: remembered, so this browser does not read the checklist's state again.
    effect(() => {
      const steps = this.all();
      const workspaceId = this.workspaceId();
      if (steps && workspaceId && steps.every((step) => step.done)) {
        untracked(() => this.store.settle(workspaceId, 'done'));
      }
    });
  }

  protected dismiss(): void {
    const workspaceId = this.workspaceId();
    if (workspaceId === null) return;
    this.store.settle(workspaceId, 'dismissed');
    this.dismissed.set(true);
  }
}
