// Zoneless, like the app: tests see the same change detection the product runs with.
import { configure } from '@testing-library/angular';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });

// Browsers have structuredClone; jsdom does not. Node's serializer clones the same way (NaN, Dates, cycles).
if (typeof globalThis.structuredClone !== 'function') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deserialize, serialize } = require('node:v8') as typeof import('node:v8');
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value)) as T;
}

// On two shared cores a suite's first render (compiling its components) can take seconds: wait that long for what
// a test looks for, rather than fail on the machine's load. Nothing here is a timing assertion.
configure({ dom: { asyncUtilTimeout: 5_000 } });
jest.setTimeout(20_000);
