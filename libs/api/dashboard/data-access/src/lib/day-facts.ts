import { DayFacts, addFact, emptyFacts } from '@accord/domain/dashboard';

/** Counted facts of a day, as a read returns them (the amount as numeric text, exact). */
export interface CountedRow {
  day: string;
  fact: string;
  n: number;
  amount: string | null;
}

/** One win's cycle lengths in days, on the day it was won. */
export interface CycleRow {
  day: string;
  sales_days: number;
  opportunity_days: number;
}

/** The days' facts from counted rows and win cycles, oldest day first: the raw and the rollup reads share it. */
export function assembleDays(counted: readonly CountedRow[], cycles: readonly CycleRow[]): DayFacts[] {
  const days = new Map<string, DayFacts>();
  const dayOf = (date: string): DayFacts => {
    let day = days.get(date);
    if (!day) {
      day = { date, facts: emptyFacts() };
      days.set(date, day);
    }
    return day;
  };
  for (const row of counted) addFact(dayOf(row.day).facts, row.fact, row.n, Number(row.amount ?? 0));
  for (const row of cycles) {
    const facts = dayOf(row.day).facts;
    facts.salesCycleDays.push(row.sales_days);
    facts.opportunityCycleDays.push(row.opportunity_days);
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
