// An embedded PostgreSQL (PGlite, in memory) for one test file, in its own process: PGlite cannot load inside
// jest's module sandbox. Prints its URL on the first line of stdout and stops when its parent closes stdin.
import { startEmbeddedPostgres } from '@accord/api/shared/database';

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres('memory://');
  process.stdout.write(`${server.url}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

void main();
