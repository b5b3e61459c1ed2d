import type { EntityManager } from 'typeorm';

import { companyKey } from '@accord/domain/imports';

/**
 * The workspace's spellings of company names on its leads, by companyKey: how a company named slightly
 * differently in another file ("ACME, Inc." for "Acme") is still found.
 */
export async function companyNamesByKey(manager: EntityManager): Promise<Map<string, string[]>> {
  const rows: { company_name: string }[] = await manager.query(
    `SELECT DISTINCT company_name FROM leads WHERE company_name IS NOT NULL`,
  );
  const byKey = new Map<string, string[]>();
  for (const { company_name: name } of rows) {
    const key = companyKey(name);
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  return byKey;
}
