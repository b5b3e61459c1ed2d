import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { WorkspaceShares } from './workspace-shares';

/** The non-privileged role every tenant transaction runs as; row-level security cannot be bypassed by it. */
export const APP_ROLE = 'accord_app';

/**
 * The role of the system scope: the application role's rights, plus the read-only system policies of the large
 * tables, which apply to it alone so that they never weigh on a tenant's reads (migration WorkerRole).
 */
export const WORKER_ROLE = 'accord_worker';

/**
 * What a transaction may see. Policies read these transaction-local settings:
 * - workspaceId: the rows of one workspace (every ordinary request);
 * - loginEmail: the members with that e-mail in any workspace (sign-in only, read-only);
 * - invitationTokenHash: the invitation with that token (accepting an invitation only, read-only);
 * - apiKeyHash: the API key with that hash (authenticating a machine client only, read-only);
 * - system: background workers finding due work of any workspace, as WORKER_ROLE (read-only but for their runs).
 */
export interface TenantScope {
  workspaceId?: string;
  loginEmail?: string;
  invitationTokenHash?: string;
  apiKeyHash?: string;
  system?: boolean;
}

/**
 * Runs database work inside one transaction scoped by PostgreSQL row-level security.
 * The settings are set with set_config(…, true), so they end with the transaction and never leak to the next
 * request that borrows the pooled connection.
 */
@Injectable()
export class TenantDb {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly shares?: WorkspaceShares,
  ) {}

  /**
   * Runs `work` in a transaction that sees only the rows of `workspaceId`, within the workspace's share of the
   * pool (see WorkspaceShares), so that one busy workspace cannot take every connection.
   */
  inWorkspace<T>(workspaceId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.run({ workspaceId }, work);
    return this.shares ? this.shares.run(workspaceId, transaction) : transaction();
  }

  /**
   * Runs `work` — one statement that enters the workspace's scope itself, like accord_queue_fingerprint — on the
   * manager outside any transaction (one round trip instead of four), within the workspace's share of the pool.
   */
  scopedStatement<T>(workspaceId: string, work: (standalone: EntityManager) => Promise<T>): Promise<T> {
    const run = () => work(this.dataSource.manager);
    return this.shares ? this.shares.run(workspaceId, run) : run();
  }

  /**
   * A manager outside any transaction, for a single statement that scopes itself (accord_store_signals with an
   * API key hash): it runs as its own implicit transaction, one round trip instead of four or more.
   */
  get standalone(): EntityManager {
    return this.dataSource.manager;
  }

  run<T>(scope: TenantScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await enterScope(manager, scope);
      return work(manager);
    });
  }
}

/**
 * Switches the current transaction to the application role and the given scope, in one statement:
 * set_config('role', …, true) is SET LOCAL ROLE, and every statement saved is a round trip on each request.
 */
export async function enterScope(manager: EntityManager, scope: TenantScope): Promise<void> {
  await manager.query(
    `SELECT set_config('role', '${scope.system ? WORKER_ROLE : APP_ROLE}', true),
            set_config('app.workspace_id', $1, true),
            set_config('app.login_email', $2, true),
            set_config('app.invitation_token_hash', $3, true),
            set_config('app.api_key_hash', $4, true),
            set_config('app.system', $5, true)`,
    [
      scope.workspaceId ?? '',
      scope.loginEmail ?? '',
      scope.invitationTokenHash ?? '',
      scope.apiKeyHash ?? '',
      scope.system ? 'on' : '',
    ],
  );
}
