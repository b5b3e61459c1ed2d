// Generates a migration from the entities, or checks that none is needed, against a scratch database made from
// the migrations alone: `generate <Name>` or `check`. Uses DATABASE_URL's server, else the embedded PostgreSQL.
require('../register');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { createTestDatabase } = require('../../libs/api/shared/testing/src/lib/test-database');

async function main() {
  const [mode, name] = process.argv.slice(2);
  if (!['generate', 'check'].includes(mode) || (mode === 'generate' && !name)) {
    throw new Error('usage: migration.js generate <Name> | check');
  }
  const database = await createTestDatabase();
  const root = join(__dirname, '../..');
  const args = ['-r', './tools/register.js', 'node_modules/typeorm/cli.js', 'migration:generate', '-d', 'apps/api/src/migration-data-source.ts'];
  args.push(mode === 'check' ? '--check' : '--pretty', `libs/api/shared/database/src/lib/migrations/${name ?? 'Check'}`);
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url } });
    if (mode === 'check') console.log('migrations:check: the migrations match the entities');
  } catch {
    if (mode === 'check') console.error('migrations:check: the entities differ from the migrations; run npm run migration:generate -- <Name>');
    process.exitCode = 1;
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
