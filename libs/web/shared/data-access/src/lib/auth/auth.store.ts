import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';

import { FEATURE_ACCESS, Feature, Role, featuresFor, homeFeature } from '@accord/domain/workspace';

import type {
  SessionFragment,
  ViewerMemberFragment,
  ViewerWorkspaceFragment,
} from '../generated/session-operations';
import { SESSION_STORAGE_KEY, StoredSession, parseStoredSession } from './stored-session';

/** Where the session token is kept; tests swap in their own Storage. */
export const SESSION_STORAGE = new InjectionToken<Storage>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => localStorage,
});

/** The wall clock, injectable so that expiry can be tested with a frozen time. */
export const CLOCK = new InjectionToken<() => Date>('CLOCK', {
  providedIn: 'root',
  factory: () => () => new Date(),
});

export interface Viewer {
  member: ViewerMemberFragment;
  workspace: ViewerWorkspaceFragment;
}

/** The app path of a feature, e.g. `/members`. */
export function featurePath(feature: Feature): string {
  const access = FEATURE_ACCESS.find((entry) => entry.feature === feature);
  return `/${access?.path ?? ''}`;
}

/** Who is signed in, as signals: the token (persisted), the member and their workspace. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly storage = inject(SESSION_STORAGE);
  private readonly session = signal<StoredSession | null>(
    parseStoredSession(this.storage.getItem(SESSION_STORAGE_KEY), inject(CLOCK)()),
  );
  private readonly viewerState = signal<Viewer | null>(null);

  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly viewer = this.viewerState.asReadonly();
  readonly member = computed(() => this.viewerState()?.member ?? null);
  readonly workspace = computed(() => this.viewerState()?.workspace ?? null);
  readonly roles = computed<readonly Role[]>(() => this.member()?.roles ?? []);
  readonly features = computed(() => featuresFor(this.roles()));
  readonly homePath = computed(() => featurePath(homeFeature(this.roles())));

  /** Starts a session from a sign-in, sign-up or accepted invitation. */
  start(payload: SessionFragment): void {
    const stored: StoredSession = { accessToken: payload.accessToken, expiresAt: payload.expiresAt };
    this.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(stored));
    this.session.set(stored);
    this.viewerState.set({ member: payload.member, workspace: payload.workspace });
  }

  /** Fills in who the stored token belongs to, after a reload. */
  setViewer(viewer: Viewer): void {
    this.viewerState.set(viewer);
  }

  /** Takes the signed-in member's new roles or name (an admin edited their own), so menus and guards follow. */
  setMember(member: ViewerMemberFragment): void {
    this.viewerState.update((viewer) =>
      viewer === null || viewer.member.id !== member.id ? viewer : { ...viewer, member },
    );
  }

  /** Takes the workspace's new settings (an admin saved them), so the signed-in frame shows them at once. */
  setWorkspace(workspace: ViewerWorkspaceFragment): void {
    this.viewerState.update((viewer) => (viewer === null ? null : { ...viewer, workspace }));
  }

  clear(): void {
    this.storage.removeItem(SESSION_STORAGE_KEY);
    this.session.set(null);
    this.viewerState.set(null);
  }
}
