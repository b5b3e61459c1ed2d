import type { ValueTransformer } from 'typeorm';

/** numeric(14,2) comes back from pg as a string; amounts stay below 2^53 cents, so a number holds them exactly. */
export const AMOUNT_TRANSFORMER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
