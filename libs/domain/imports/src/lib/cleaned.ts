/**
 * Cleaners read one cell of one type. Each returns the value with a note when it had to change what the file
 * said (so the report can say "cleaned"), or a reason to refuse the cell. Empty cells never reach a cleaner.
 */
export type Cleaned<T> = { ok: true; value: T; note: string | null } | { ok: false; reason: string };

export const ok = <T>(value: T, note: string | null = null): Cleaned<T> => ({ ok: true, value, note });
export const refuse = (reason: string): Cleaned<never> => ({ ok: false, reason });
