import { Injectable, inject, signal } from '@angular/core';
import { Router, UrlTree } from '@angular/router';

import { FEATURE_ACCESS, type Feature, type Role, roleLabel } from '@accord/domain/workspace';

/** Why a guard sent the member elsewhere, and where to: the frame says it on that page, and only there. */
export interface RedirectNote {
  message: string;
  url: string;
}

const ROLE_LIST = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });

/** "Members is for admins." — a feature, as the refusal of a member without its roles names it. */
export function featureRefusal(feature: Feature): string {
  const access = FEATURE_ACCESS.find((entry) => entry.feature === feature);
  if (!access) return 'That page is not open to your roles.';
  return `${access.label} is for ${rolesText(access.roles)}.`;
}

/** Roles as a sentence names them: "marketing and admins". */
export function rolesText(roles: readonly Role[]): string {
  return ROLE_LIST.format(
    roles.map((role) =>
      role === 'ADMIN' ? 'admins' : role === 'EXECUTIVE' ? 'executives' : roleLabel(role).toLowerCase(),
    ),
  );
}

/**
 * Redirects of guards that say why. A guard that sent a member to their home page without a word left them
 * wondering whether the link was broken; this keeps the reason for the frame to show on the page they land on.
 */
@Injectable({ providedIn: 'root' })
export class RedirectNotice {
  private readonly router = inject(Router);
  private readonly current = signal<RedirectNote | null>(null);
  readonly note = this.current.asReadonly();

  /** The guard's answer: `url`, with `message` noted for the page it opens. */
  redirect(url: string | UrlTree, message: string): UrlTree {
    const tree = typeof url === 'string' ? this.router.parseUrl(url) : url;
    this.current.set({ message, url: this.router.serializeUrl(tree) });
    return tree;
  }

  dismiss(): void {
    this.current.set(null);
  }
}
