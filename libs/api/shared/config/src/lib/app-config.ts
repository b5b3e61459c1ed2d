import { Transform, plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(
        typeof value === 'string' ? value.toLowerCase() : String(value === true),
      );
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Where a development instance keeps the signing key it made itself, in its DATA_DIR. */
export const DEVELOPMENT_SECRET_FILE = 'development-jwt-secret';

const developmentSecrets = new Map<string, string>();

/**
 * The signing key of an instance started without JWT_SECRET (never in production, which refuses to start without
 * one): random, made on first use and kept in DATA_DIR so that sign-ins and stored webhook secrets (encrypted with
 * a key derived from it) outlive a restart. A key written in the source would let anyone who reads it sign tokens
 * as any member of any instance left on its default. A DATA_DIR that cannot be written gets a key for this process
 * only.
 */
function developmentSecret(dataDir: string): string {
  const known = developmentSecrets.get(dataDir);
  if (known) return known;
  const file = join(dataDir, DEVELOPMENT_SECRET_FILE);
  let secret = randomBytes(32).toString('base64url');
  try {
    mkdirSync(dataDir, { recursive: true });
    // 'wx': of two processes starting on one DATA_DIR, the second reads what the first wrote.
    writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
  } catch {
    try {
      const stored = readFileSync(file, 'utf8').trim();
      if (stored.length >= 32) secret = stored;
    } catch {
      // Unwritable and unreadable: this process's own key, as made above.
    }
  }
  developmentSecrets.set(dataDir, secret);
  return secret;
}

/** Every setting Accord reads from the environment; `.env.example` lists the same names. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Where users reach the product; invitation links start with it. Defaults to http://localhost:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string = undefined;

  /** PostgreSQL server to use; when unset, an embedded PostgreSQL (PGlite) keeps its data in DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL?: string = undefined;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Server-side limit on one statement, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /** How long a request waits for a pooled connection before it is answered 503, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 5_000;

  /** The server ends a session left idle inside a transaction this long, in ms (its locks with it). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /**
   * Transactions one workspace may run at once per process, so that a busy workspace leaves the rest of the pool to
   * the others; its further requests wait their turn (up to DATABASE_CONNECT_TIMEOUT_MS, then 503). 0: half of
   * DATABASE_POOL_SIZE, rounded up.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(200)
  DATABASE_CONNECTIONS_PER_WORKSPACE = 0;

  /** Requests one member (JWT subject) may make per RATE_LIMIT_WINDOW_SECONDS; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_MEMBER = 600;

  /** Requests one API key may make per RATE_LIMIT_WINDOW_SECONDS; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_API_KEY = 600;

  /** Anonymous GraphQL operations (sign-up, invitations) per client address per window; 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_ANONYMOUS = 120;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Sign-in attempts per e-mail address per LOGIN_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_EMAIL = 10;

  /** Sign-in attempts per client address per LOGIN_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_IP = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Password reset requests per e-mail address (from all addresses together) per LOGIN_WINDOW_SECONDS: each may
   * send an e-mail, so nobody can flood a member's inbox with them.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_EMAIL = 3;

  /** Password reset requests per client address per LOGIN_WINDOW_SECONDS, whatever e-mails they name. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESETS_PER_IP = 20;

  /**
   * Which proxies' `X-Forwarded-For` names the client (Express's "trust proxy"): `loopback` (a proxy on the same
   * host), a number of hops, a comma-separated list of addresses or subnets (`10.0.0.0/8, 172.16.0.0/12`), or
   * `false`. Behind a load balancer set it to the balancer's addresses, or every client has the balancer's
   * address and shares its per-address limits (sign-in, anonymous operations).
   */
  @Matches(/^(false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'TRUST_PROXY must be false, a number of hops, or a comma-separated list of addresses or subnets',
  })
  TRUST_PROXY = 'loopback';

  /** After SIGTERM, in-flight requests and job passes get this long before the process exits anyway, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  SHUTDOWN_GRACE_MS = 25_000;

  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string = undefined;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'accord';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'accord-api';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_TTL_HOURS = 72;

  /** SMTP server for invitation e-mails, e.g. smtp://user:pass@mail.example.com:587; unset logs the link. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string = undefined;

  @IsString()
  MAIL_FROM = 'Accord <no-reply@accord.local>';

  /** How often background workers (rescoring) look for due work, in ms; 0 turns them off in this process. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  JOBS_POLL_MS = 1_000;

  /** Seed the demo workspace when it does not exist yet. */
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The built web app that the API serves; empty disables static serving. */
  @IsString()
  WEB_DIST = 'dist/apps/web/browser';

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get jwtSecret(): string {
    return this.JWT_SECRET ?? developmentSecret(this.DATA_DIR);
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** TRUST_PROXY in the form Express takes: false, a hop count, or the list of trusted addresses. */
  get trustProxy(): boolean | number | string[] {
    if (this.TRUST_PROXY === 'false') return false;
    if (/^\d+$/.test(this.TRUST_PROXY)) return Number(this.TRUST_PROXY);
    return this.TRUST_PROXY.split(',').map((entry) => entry.trim());
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws one error naming every bad or missing setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Every setting, optional ones included, is an own property of a fresh AppConfig.
  const known = Object.keys(new AppConfig());
  const input = Object.fromEntries(Object.entries(env).filter(([key]) => known.includes(key)));
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
