import { GRADES, type Grade, TEMPERATURES, type Temperature } from '@accord/domain/agreement';

/** Counts of what became of a set of leads. Plain numbers only, so a state saves as JSON. */
export interface OutcomeTally {
  leads: number;
  /** Historically handed over (so their outcome was observed). */
  handedOver: number;
  /** Handed over and decided (accepted or rejected; expired and open ones are not decided). */
  decided: number;
  accepted: number;
  sql: number;
  opportunity: number;
  won: number;
  revenue: number;
  /** Sum and count of days from handover to win, for the mean cycle length. */
  cycleDays: number;
  cycles: number;
}

export function emptyTally(): OutcomeTally {
  return {
    leads: 0,
    handedOver: 0,
    decided: 0,
    accepted: 0,
    sql: 0,
    opportunity: 0,
    won: 0,
    revenue: 0,
    cycleDays: 0,
    cycles: 0,
  };
}

export function byGrade(): Record<Grade, OutcomeTally> {
  return Object.fromEntries(GRADES.map((grade) => [grade, emptyTally()])) as Record<Grade, OutcomeTally>;
}

export function byTemperature(): Record<Temperature, OutcomeTally> {
  return Object.fromEntries(TEMPERATURES.map((heat) => [heat, emptyTally()])) as Record<
    Temperature,
    OutcomeTally
  >;
}

/** Revenue in whole cents stays exact when summed as cents. */
export function addCents(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}

export function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
