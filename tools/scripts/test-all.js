// `npm test`: every tier in order — static checks, unit, integration, end-to-end (API over HTTP, web in Chromium).
// Uses the PostgreSQL server in DATABASE_URL when set, otherwise the embedded PostgreSQL (PGlite).
const { spawnSync } = require('node:child_process');

const steps = [
  ['lint, schema, client types and migrations are current', 'npm run test:static'],
  ['unit tests', 'npm run test:unit'],
  ['integration tests on PostgreSQL', 'npm run test:int'],
  // `npm start` without DATABASE_URL runs the embedded PostgreSQL, which has one connection: run the integration
  // tests there too, so no feature comes to need a second connection while holding the first.
  ...(process.env.DATABASE_URL
    ? [["integration tests on the embedded PostgreSQL (the demo's)", 'npm run test:int:embedded']]
    : []),
  ['end-to-end: API over HTTP and web app in Chromium', 'npm run test:e2e'],
];

process.env.TZ = 'UTC';
console.log(
  `test-all: database ${process.env.DATABASE_URL ? `server ${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}` : 'embedded (PGlite)'}`,
);
const results = [];
for (const [name, command] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command}`);
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env: process.env });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (status !== 0) break; // later tiers assume the earlier ones hold
}
console.log('\n=== summary');
for (const { name, ok, seconds } of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name} (${seconds} s)`);
const passed = results.filter((result) => result.ok).length;
const failed = steps.length - passed;
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
