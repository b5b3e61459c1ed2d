import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { ApiKeyEntity, ApiKeysRepository } from '@accord/api/leads/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';

const KEY_PREFIX = 'acc_';

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

function view(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
  };
}

/** Admins create and revoke the keys machine clients send signals with; a key's secret is shown only once. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
  ) {}

  async create(actor: AuthMember, name: string): Promise<{ apiKey: ApiKeyView; secret: string }> {
    const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const key = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.keys.insert(manager, {
        workspaceId: actor.workspaceId,
        id: randomUUID(),
        name: name.trim(),
        prefix: secret.slice(0, 10),
        secretHash: hashApiKey(secret),
        createdById: actor.id,
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

  /** The workspace a presented key belongs to, or null for a wrong or revoked key. */
  async authenticate(secret: string): Promise<{ workspaceId: string; keyId: string } | null> {
    if (!secret.startsWith(KEY_PREFIX) || secret.length > 100) return null;
    const secretHash = hashApiKey(secret);
    const key = await this.tenantDb.run({ apiKeyHash: secretHash }, (manager) =>
      this.keys.findByHash(manager, secretHash),
    );
    if (!key || key.revokedAt) return null;
    await this.tenantDb.inWorkspace(key.workspaceId, (manager) =>
      this.keys.touch(manager, key.id, this.clock.now()),
    );
    return { workspaceId: key.workspaceId, keyId: key.id };
  }
}
