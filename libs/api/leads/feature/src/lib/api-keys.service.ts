import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import {
  ApiKeyEntity,
  ApiKeysRepository,
  type PresentedKey,
  apiKeyHashOf,
  hashApiKey,
  newApiKeySecret,
} from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';

/** last_used_at is a hint for admins, not an audit log: written at most this often per key and process. */
const TOUCH_EVERY_MS = 60_000;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  imports: boolean;
}

function view(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
    imports: key.imports,
  };
}

/** Admins create and revoke the keys machine clients send signals with; a key's secret is shown only once. */
@Injectable()
export class ApiKeysService {
  private readonly touchedAt = new Map<string, number>();

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
  ) {}

  /** A new key; with `imports`, it may also import CSV files over HTTP, as `actor` (see ApiKeyMembers). */
  async create(
    actor: AuthMember,
    name: string,
    imports = false,
  ): Promise<{ apiKey: ApiKeyView; secret: string }> {
    const secret = newApiKeySecret();
    const key = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.keys.insert(manager, {
        workspaceId: actor.workspaceId,
        id: randomUUID(),
        name: name.trim(),
        prefix: secret.slice(0, 10),
        secretHash: hashApiKey(secret),
        createdById: actor.id,
        imports,
      }),
    );
    return { apiKey: view(key), secret };
  }

  list(actor: AuthMember): Promise<ApiKeyView[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) =>
      (await this.keys.list(manager)).map(view),
    );
  }

  revoke(actor: AuthMember, id: string): Promise<ApiKeyView> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const revoked = await this.keys.revoke(manager, id, this.clock.now());
      if (!revoked) throw AppError.notFound('No such active API key in this workspace.');
      return view(revoked);
    });
  }

  /** The hash a key is stored and looked up by; null for a string that cannot be a key. */
  hashOf(secret: string): string | null {
    return apiKeyHashOf(secret);
  }

  /** The workspace a presented key belongs to, or null for a wrong or revoked key. */
  authenticate(secret: string): Promise<PresentedKey | null> {
    return this.inKeyWorkspace(secret, (_manager, key) => Promise.resolve(key));
  }

  /** Whether a presented key is a workspace's and unrevoked. */
  async isValid(secret: string): Promise<boolean> {
    return (await this.authenticate(secret)) !== null;
  }

  /**
   * Runs `work` in a transaction scoped to the workspace of the presented key, authenticating the key in the
   * same transaction (one statement); null, with nothing run, for a wrong or revoked key.
   */
  async inKeyWorkspace<T>(
    secret: string,
    work: (manager: EntityManager, key: PresentedKey) => Promise<T>,
  ): Promise<T | null> {
    const secretHash = this.hashOf(secret);
    if (!secretHash) return null;
    return this.tenantDb.run({ apiKeyHash: secretHash }, async (manager) => {
      const key = await this.keys.enterKeyWorkspace(manager, secretHash);
      if (!key) return null;
      const now = this.clock.now();
      const touched = this.touchedAt.get(key.keyId);
      if (touched === undefined || now.getTime() - touched >= TOUCH_EVERY_MS) {
        this.touchedAt.set(key.keyId, now.getTime());
        await this.keys.touch(manager, key.keyId, now);
      }
      return work(manager, key);
    });
  }
}
