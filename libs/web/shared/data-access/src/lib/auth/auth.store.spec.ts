import { TestBed } from '@angular/core/testing';

import type { SessionFragment } from '../generated/graphql';
import { AuthStore, CLOCK, SESSION_STORAGE } from './auth.store';
import { SESSION_STORAGE_KEY } from './stored-session';

const now = new Date('2026-03-01T12:00:00.000Z');

function session(roles: SessionFragment['member']['roles']): SessionFragment {
  return {
    accessToken: 'token-1',
    expiresAt: '2026-03-01T20:00:00.000Z',
    member: { id: 'm1', email: 'ann@example.com', name: 'Ann', roles, approver: false, status: 'ACTIVE' },
    workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
  };
}

function createStore(storage: Storage = new MemoryStorage()): AuthStore {
  TestBed.configureTestingModule({
    providers: [
      { provide: SESSION_STORAGE, useValue: storage },
      { provide: CLOCK, useValue: () => now },
    ],
  });
  return TestBed.inject(AuthStore);
}

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('AuthStore', () => {
  it('starts signed out when nothing is stored', () => {
    const store = createStore();

    expect(store.token()).toBeNull();
    expect(store.member()).toBeNull();
    expect(store.features()).toEqual([]);
  });

  it('picks up a stored token that is still valid', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ accessToken: 'kept', expiresAt: '2026-03-02T00:00:00Z' }),
    );

    expect(createStore(storage).token()).toBe('kept');
  });

  it('keeps the token of a new session and exposes the member, workspace and features', () => {
    const storage = new MemoryStorage();
    const store = createStore(storage);

    store.start(session(['SALES']));

    expect(store.token()).toBe('token-1');
    expect(store.workspace()?.name).toBe('Acme');
    expect(store.features().map((feature) => feature.feature)).toEqual([
      'DASHBOARD',
      'AGREEMENT',
      'LEADS',
      'HANDOVERS',
    ]);
    expect(store.homePath()).toBe('/handovers');
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual({
      accessToken: 'token-1',
      expiresAt: '2026-03-01T20:00:00.000Z',
    });
  });

  it("takes the workspace's new settings and keeps the member", () => {
    const store = createStore();
    store.start(session(['ADMIN']));

    store.setWorkspace({ id: 'w1', name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' });

    expect(store.viewer()).toEqual({
      member: session(['ADMIN']).member,
      workspace: { id: 'w1', name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
  });

  it('has no workspace to change when nobody is signed in', () => {
    const store = createStore();

    store.setWorkspace({ id: 'w1', name: 'Acme GmbH', timeZone: 'Europe/Berlin', currency: 'EUR' });

    expect(store.viewer()).toBeNull();
  });

  it('forgets everything on clear', () => {
    const storage = new MemoryStorage();
    const store = createStore(storage);
    store.start(session(['ADMIN']));

    store.clear();

    expect(store.token()).toBeNull();
    expect(store.viewer()).toBeNull();
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
