// Starts the built product once for the whole run, unless E2E_BASE_URL already points at a running one.
import { join } from 'node:path';

// tools/ is plain Node, outside the project graph; it is loaded by path at run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startProduct } = require(join(__dirname, '../../../../tools/testing/start-product.js')) as {
  startProduct(): Promise<{ baseUrl: string; stop(): Promise<void> }>;
};

declare global {
  var __ACCORD_PRODUCT__: { stop(): Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env['E2E_BASE_URL']) return;
  const product = await startProduct();
  globalThis.__ACCORD_PRODUCT__ = product;
  // Test workers start after this and inherit the environment.
  process.env['E2E_BASE_URL'] = product.baseUrl;
}
