import { join } from 'node:path';

/** The built product running on a free port against its own fresh database. */
export interface RunningProduct {
  baseUrl: string;
  databaseUrl: string | undefined;
  output: string[];
  stop(): Promise<void>;
}

type StartProduct = (extraEnv?: Record<string, string>) => Promise<RunningProduct>;

/** Boots dist/apps/api/main.js through the end-to-end tests' launcher (so both boot the product alike). */
export function startProduct(extraEnv: Record<string, string> = {}): Promise<RunningProduct> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const launcher = require(join(__dirname, '../../testing/start-product.js')) as {
    startProduct: StartProduct;
  };
  // Requests are still counted (the limiter's cost is part of what is measured) but never refused: a benchmark
  // drives far more than one member's or one key's budget on purpose.
  return launcher.startProduct({
    RATE_LIMIT_MEMBER: '1000000000',
    RATE_LIMIT_API_KEY: '1000000000',
    ...extraEnv,
  });
}
