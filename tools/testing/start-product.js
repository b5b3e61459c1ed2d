// Starts the built product (dist/apps/api/main.js, which also serves dist/apps/web) for end-to-end tests, on a
// free port and a fresh database: a new database on DATABASE_URL's server when set, otherwise the embedded
// PostgreSQL in a temporary folder. Resolves when /health answers 200.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const { PRODUCT_HEAP_ARGS } = require('./product-heap');

const root = join(__dirname, '../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function admin(serverUrl, sql) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function waitForHealth(baseUrl, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the product exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the product did not become healthy within ${timeoutMs} ms:\n${output.join('')}`);
}

/** @returns {Promise<{ baseUrl: string, databaseUrl: string | undefined, output: string[], stop(): Promise<void> }>} */
async function startProduct(extraEnv = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverUrl = process.env.DATABASE_URL;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
  };
  let databaseName = null;
  let dataDir = null;
  if (serverUrl) {
    databaseName = `accord_e2e_${randomBytes(5).toString('hex')}`;
    await admin(serverUrl, `CREATE DATABASE ${databaseName}`);
    env.DATABASE_URL = withDatabase(serverUrl, databaseName);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
  }
  Object.assign(env, extraEnv);
  const output = [];
  // PRODUCT_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the product itself: Node refuses
  // such flags in NODE_OPTIONS, and they belong to the product, not to the test or benchmark driving it.
  const nodeArgs = (process.env.PRODUCT_NODE_ARGS || '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...PRODUCT_HEAP_ARGS, ...nodeArgs, 'dist/apps/api/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (databaseName) await admin(serverUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, databaseUrl: env.DATABASE_URL, output, stop };
}

module.exports = { startProduct };
