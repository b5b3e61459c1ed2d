// Zoneless, like the app: tests see the same change detection the product runs with.
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });

// Browsers have structuredClone; jsdom does not. Node's serializer clones the same way (NaN, Dates, cycles).
if (typeof globalThis.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deserialize, serialize } = require('node:v8') as typeof import('node:v8');
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}
