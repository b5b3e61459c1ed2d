// jest globalSetup for integration tests: builds the migrated template database once per run (real PostgreSQL
// only). It runs in a child process because globalSetup is loaded outside jest's module mapper.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  if (!process.env.DATABASE_URL) return;
  const root = join(__dirname, '../..');
  execFileSync(process.execPath, ['-r', './tools/register.js', 'tools/testing/prepare-template.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
};
