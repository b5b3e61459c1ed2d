import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

import { AppConfig } from '@accord/api/shared/config';
import { AppError } from '@accord/api/shared/graphql';

/** The counters' table (migration RateLimits): not tenant data, keys are hashes or member ids. */
export const RATE_LIMIT_TABLE = 'rate_limits';

type Bucket =
  | 'member'
  | 'api_key'
  | 'anonymous'
  | 'login_email'
  | 'login_email_any'
  | 'login_ip'
  | 'wrong_api_key'
  | 'password_reset_email'
  | 'password_reset_ip'
  | 'link_mail';

/** How many more failed sign-ins an e-mail takes from all addresses together than from one. */
const ANY_ADDRESS_FACTOR = 10;

/**
 * Fixed-window request counters. On a PostgreSQL server they live in one UNLOGGED table, so every replica
 * counts against the same budget (one upsert per request); if that table cannot be reached, each replica falls
 * back to counting in memory rather than refusing or waving everything through. The embedded database serves one
 * connection, so there the counters stay in memory (it is one process anyway).
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly limiters: Record<Bucket, RateLimiterAbstract | null>;
  private readonly stores: RateLimiterPostgres[] = [];

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    const pool = (dataSource.driver as unknown as { master?: Pool }).master;
    const shared = dataSource.options.type === 'postgres' && pool && (pool.options.max ?? 10) > 1;
    const make = (bucket: Bucket, points: number, duration: number): RateLimiterAbstract | null => {
      if (points <= 0) return null;
      const memory = new RateLimiterMemory({ keyPrefix: bucket, points, duration });
      if (!shared) return memory;
      const store = new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: bucket,
        points,
        duration,
        // Once a key is over its budget, this replica refuses it from memory until the window ends: a client
        // hammering past its limit costs no database round trip.
        inMemoryBlockOnConsumed: points + 1,
        insuranceLimiter: memory,
      });
      this.stores.push(store);
      return store;
    };
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    this.limiters = {
      member: make('member', config.RATE_LIMIT_MEMBER, window),
      api_key: make('api_key', config.RATE_LIMIT_API_KEY, window),
      anonymous: make('anonymous', config.RATE_LIMIT_ANONYMOUS, window),
      login_email: make('login_email', config.LOGIN_ATTEMPTS_PER_EMAIL, config.LOGIN_WINDOW_SECONDS),
      login_email_any: make(
        'login_email_any',
        config.LOGIN_ATTEMPTS_PER_EMAIL * ANY_ADDRESS_FACTOR,
        config.LOGIN_WINDOW_SECONDS,
      ),
      login_ip: make('login_ip', config.LOGIN_ATTEMPTS_PER_IP, config.LOGIN_WINDOW_SECONDS),
      // As large as the sign-in budget, but a counter of its own: neither kind of failure locks out the other.
      wrong_api_key: make('wrong_api_key', config.LOGIN_ATTEMPTS_PER_IP, config.LOGIN_WINDOW_SECONDS),
      password_reset_email: make(
        'password_reset_email',
        config.PASSWORD_RESETS_PER_EMAIL,
        config.LOGIN_WINDOW_SECONDS,
      ),
      password_reset_ip: make(
        'password_reset_ip',
        config.PASSWORD_RESETS_PER_IP,
        config.LOGIN_WINDOW_SECONDS,
      ),
      link_mail: make('link_mail', config.PASSWORD_RESETS_PER_EMAIL, config.LOGIN_WINDOW_SECONDS),
    };
  }

  /** Counts one request of a member (by id). Throws RATE_LIMITED when the budget is spent. */
  member(memberId: string): Promise<void> {
    return this.consume('member', memberId, 'Too many requests from this member');
  }

  /** Counts one request made with an API key; the key is known only by its hash. */
  apiKey(secret: string): Promise<void> {
    return this.consume('api_key', hashOf(secret), 'Too many requests with this API key');
  }

  /** Counts one anonymous GraphQL operation from a client address. */
  anonymous(address: string): Promise<void> {
    return this.consume('anonymous', address, 'Too many requests from this address');
  }

  /**
   * Counts one sign-in attempt: against the client address, against the e-mail from that address, and against the
   * e-mail from every address. The e-mail is limited per address so that anyone who knows a member's e-mail cannot
   * lock them out by failing ten times from their own address; the budget of all addresses together (ten times
   * larger) still stops guessing one password from many.
   */
  async loginAttempt(email: string, address: string): Promise<void> {
    // The address first: attempts on an account that is already locked still spend a sprayer's budget.
    await this.consume('login_ip', address, 'Too many sign-in attempts from this address');
    await this.consume(
      'login_email',
      hashOf(`${email}\n${address}`),
      'Too many sign-in attempts for this e-mail address',
    );
    await this.consume('login_email_any', hashOf(email), 'Too many sign-in attempts for this e-mail address');
  }

  /**
   * Gives a signed-in e-mail address its attempt back: only failed attempts lock an account, so a member who signs
   * in and out often (a shared demo login) is never locked out by their own successes. The client address keeps
   * the attempt spent — refunded, one valid account would let a sprayer guess others without end.
   */
  async loginSucceeded(email: string, address: string): Promise<void> {
    const refund = (bucket: 'login_email' | 'login_email_any', key: string) =>
      this.limiters[bucket]?.reward(key, 1).catch((error: unknown) => {
        this.logger.warn(`sign-in not refunded: ${error instanceof Error ? error.message : String(error)}`);
      });
    await refund('login_email', hashOf(`${email}\n${address}`));
    await refund('login_email_any', hashOf(email));
  }

  /**
   * Counts one sign-up or invitation acceptance against the address's sign-in budget: each hashes a password, and
   * one request may hold many of them as aliases, which the per-operation anonymous limit counts once.
   */
  passwordSetting(address: string): Promise<void> {
    return this.consume('login_ip', address, 'Too many sign-in attempts from this address');
  }

  /**
   * Counts one request for a password reset link, against the client address and against the e-mail from every
   * address: each request may send e-mail, so neither one address naming many e-mails nor many addresses naming one
   * may flood inboxes. Counted whether or not the e-mail belongs to anyone, so the limit tells nothing either. A
   * member whose e-mail is being flooded waits for the window, or asks an admin for a link.
   */
  async passwordResetRequest(email: string, address: string): Promise<void> {
    await this.consume('password_reset_ip', address, 'Too many password reset requests from this address');
    await this.consume(
      'password_reset_email',
      hashOf(email),
      'Too many password reset requests for this e-mail address',
    );
  }

  /**
   * Counts one e-mail a signed-in member asks to be sent to themself (a new confirmation link), against their
   * address, with the budget of reset requests for one address: a stolen session must not flood the inbox.
   */
  linkMail(email: string): Promise<void> {
    return this.consume('link_mail', hashOf(email), 'Too many e-mails asked for this address');
  }

  /**
   * Counts a request refused for a missing, wrong or revoked API key against the address's budget for wrong keys:
   * keys are counted by key, so guessing a new one each time would otherwise never be limited. Only refused keys
   * reach it, so a valid key sent from the same address (shared egress) is never refused for another client's
   * mistakes, and sign-in keeps a budget of its own. Once the budget is spent, this replica refuses the address's
   * wrong keys from memory until the window ends.
   */
  wrongApiKey(address: string): Promise<void> {
    return this.consume('wrong_api_key', address, 'Too many requests with wrong API keys from this address');
  }

  private async consume(bucket: Bucket, key: string, message: string): Promise<void> {
    const limiter = this.limiters[bucket];
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw AppError.rateLimited(`${message}; retry ${waitText(seconds)}.`, seconds);
      }
      // The store and its in-memory insurance both failed: let the request through rather than refuse everyone.
      this.logger.warn(
        `rate limit not counted: ${rejection instanceof Error ? rejection.message : String(rejection)}`,
      );
    }
  }

  onModuleDestroy(): void {
    // The stores schedule a cleanup of expired rows every five minutes; unref'd, but stop it with the app.
    for (const store of this.stores) {
      const timer = (store as unknown as { _clearExpiredTimeoutId?: NodeJS.Timeout })._clearExpiredTimeoutId;
      if (timer) clearTimeout(timer);
    }
  }
}

/** "in 45 seconds", "in 13 minutes": a sign-in page shows it to a person as it is. */
export function waitText(seconds: number): string {
  if (seconds < 120) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
