import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError, DEVELOPMENT_SECRET_FILE, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = loadConfig({});
    expect({
      port: config.PORT,
      databaseUrl: config.DATABASE_URL,
      publicUrl: config.publicUrl,
      seed: config.SEED_DEMO,
    }).toEqual({
      port: 3000,
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      seed: true,
    });
  });

  it('signs a development instance without JWT_SECRET with a random key of its own, kept in its DATA_DIR', () => {
    const one = mkdtempSync(join(tmpdir(), 'accord-config-'));
    const other = mkdtempSync(join(tmpdir(), 'accord-config-'));
    const secret = loadConfig({ DATA_DIR: one }).jwtSecret;
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(readFileSync(join(one, DEVELOPMENT_SECRET_FILE), 'utf8')).toBe(secret);
    expect(statSync(join(one, DEVELOPMENT_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: one }).jwtSecret).toBe(secret);
    expect(loadConfig({ DATA_DIR: other }).jwtSecret).not.toBe(secret);
    expect(loadConfig({ DATA_DIR: one, JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('parses numbers, booleans and urls', () => {
    const config = loadConfig({
      PORT: '4100',
      SEED_DEMO: 'false',
      DATABASE_URL: 'postgres://app@db:5432/accord',
      PUBLIC_URL: 'https://accord.example.com/',
    });
    expect([config.PORT, config.SEED_DEMO, config.DATABASE_URL, config.publicUrl]).toEqual([
      4100,
      false,
      'postgres://app@db:5432/accord',
      'https://accord.example.com',
    ]);
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/,
    );
  });

  it('refuses production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});
