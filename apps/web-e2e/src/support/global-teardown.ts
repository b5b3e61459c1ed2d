export default async function globalTeardown(): Promise<void> {
  await globalThis.__ACCORD_PRODUCT__?.stop();
}
