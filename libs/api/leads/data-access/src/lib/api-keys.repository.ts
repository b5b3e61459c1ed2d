import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';

import { ApiKeyEntity } from './api-key.entity';
import { IngestRequestEntity } from './ingest-request.entity';

/** The key a request presented, once known good: whose, and what it may do. */
export interface PresentedKey {
  workspaceId: string;
  keyId: string;
  /** Whether it may import CSV files, as the member who created it (createdById). */
  imports: boolean;
  createdById: string | null;
}

const KEY_PREFIX = 'acc_';

/** A new key's secret: the prefix that marks it as one, then 256 random bits. */
export function newApiKeySecret(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What a key is stored and looked up by: the key has 256 random bits, so a slow hash adds nothing. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The hash a presented key is looked up by; null for a string that cannot be a key (a member's token, say). */
export function apiKeyHashOf(secret: string): string | null {
  return secret.startsWith(KEY_PREFIX) && secret.length <= 100 ? hashApiKey(secret) : null;
}

/** API keys and the responses replayed for idempotent ingestion requests. */
@Injectable()
export class ApiKeysRepository {
  async insert(
    manager: EntityManager,
    key: Pick<
      ApiKeyEntity,
      'workspaceId' | 'id' | 'name' | 'prefix' | 'secretHash' | 'createdById' | 'imports'
    >,
  ): Promise<ApiKeyEntity> {
    await manager.insert(ApiKeyEntity, key);
    return (await manager.findOneBy(ApiKeyEntity, { id: key.id })) as ApiKeyEntity;
  }

  list(manager: EntityManager): Promise<ApiKeyEntity[]> {
    return manager.find(ApiKeyEntity, { order: { createdAt: 'DESC' } });
  }

  /** Revokes once; null when the key does not exist or was already revoked. */
  async revoke(manager: EntityManager, id: string, at: Date): Promise<ApiKeyEntity | null> {
    const result = await manager.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
    return result.affected === 1 ? manager.findOneBy(ApiKeyEntity, { id }) : null;
  }

  /**
   * Under the API-key scope, which shows only the key with this hash: when the key exists and is not revoked,
   * scopes the rest of the transaction to its workspace and returns it. One statement, so a machine client's
   * request authenticates inside the transaction that does its work.
   */
  async enterKeyWorkspace(manager: EntityManager, secretHash: string): Promise<PresentedKey | null> {
    const rows: { id: string; workspace_id: string; imports: boolean; created_by_id: string | null }[] =
      await manager.query(
        `SELECT id, set_config('app.workspace_id', workspace_id::text, true) AS workspace_id, imports, created_by_id
           FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL`,
        [secretHash],
      );
    return rows.length === 1
      ? {
          workspaceId: rows[0].workspace_id,
          keyId: rows[0].id,
          imports: rows[0].imports,
          createdById: rows[0].created_by_id,
        }
      : null;
  }

  async touch(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }

  findRequest(manager: EntityManager, idempotencyKey: string): Promise<IngestRequestEntity | null> {
    return manager.findOneBy(IngestRequestEntity, { idempotencyKey });
  }

  /**
   * Reserves an Idempotency-Key for a request about to run: true when this request holds it now — the key was
   * free, or its holder never answered and was reserved before `abandonedBefore` (a crash between reserving and
   * answering). False when another request holds it or has answered with it.
   */
  async reserveRequest(
    manager: EntityManager,
    request: { workspaceId: string; idempotencyKey: string; bodyHash: string },
    now: Date,
    abandonedBefore: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ingest_requests AS r (workspace_id, idempotency_key, body_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, idempotency_key) DO UPDATE SET body_hash = excluded.body_hash, created_at = excluded.created_at
        WHERE r.status_code IS NULL AND r.created_at < $5
       RETURNING 1`,
      [request.workspaceId, request.idempotencyKey, request.bodyHash, now, abandonedBefore],
    );
    return rows.length === 1;
  }

  /**
   * Records the response of the request that reserved the key, for replays. It may echo what the client sent (a
   * refused event's id, an unknown field's name), and jsonb refuses a NUL or half a surrogate pair: those are
   * stored, and replayed, as U+FFFD.
   */
  async answerRequest(
    manager: EntityManager,
    idempotencyKey: string,
    answer: { statusCode: number; response: unknown },
  ): Promise<void> {
    await manager.query(
      `UPDATE ingest_requests SET status_code = $2, response = $3 WHERE idempotency_key = $1 AND status_code IS NULL`,
      [idempotencyKey, answer.statusCode, JSON.stringify(answer.response, storableString)],
    );
  }

  /** Frees the key of a request that failed before answering, so that its retry runs. */
  async releaseRequest(manager: EntityManager, idempotencyKey: string): Promise<void> {
    await manager.query(`DELETE FROM ingest_requests WHERE idempotency_key = $1 AND status_code IS NULL`, [
      idempotencyKey,
    ]);
  }
}

const UNSTORABLE_IN_JSONB = /\u0000|\p{Cs}/gu; // eslint-disable-line no-control-regex

function storableString(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(UNSTORABLE_IN_JSONB, '\uFFFD') : value;
}
