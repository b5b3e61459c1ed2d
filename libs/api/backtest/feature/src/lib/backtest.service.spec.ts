import type { AgreementVersionEntity } from '@accord/api/agreements/data-access';
import type { BacktestRunEntity } from '@accord/api/backtest/data-access';
import { type AgreementDocument, starterAgreement } from '@accord/domain/agreement';

import { monthsBefore, toBacktestRun } from './backtest.service';

const DOCUMENT = starterAgreement(['00000000-0000-4000-8000-000000000001']);

const version = (
  id: string,
  number: number,
  revision: number,
  document: AgreementDocument = DOCUMENT,
  status = 'DRAFT',
) => ({ id, number, revision, document, status }) as AgreementVersionEntity;

const run = (values: Partial<BacktestRunEntity>): BacktestRunEntity =>
  ({
    id: 'run',
    versionId: 'draft',
    revision: 3,
    document: DOCUMENT,
    baselineVersionId: 'v1',
    status: 'RUNNING',
    processed: 250,
    total: 1000,
    windowFrom: new Date('2025-11-25T09:00:00Z'),
    windowTo: new Date('2026-11-25T09:00:00Z'),
    createdAt: new Date('2026-11-25T09:00:00Z'),
    finishedAt: null,
    error: null,
    result: null,
    ...values,
  }) as BacktestRunEntity;

describe('monthsBefore', () => {
  it('steps back calendar months in UTC, clamping to the shorter month', () => {
    expect(monthsBefore(new Date('2026-11-25T09:00:00Z'), 12).toISOString()).toBe('2025-11-25T09:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 2).toISOString()).toBe('2025-11-15T00:00:00.000Z');
  });
});

describe('toBacktestRun', () => {
  it('reports progress and is fresh while the revision and the version in force are unchanged', () => {
    const presented = toBacktestRun(
      run({}),
      version('draft', 2, 3),
      version('v1', 1, 1),
      version('v1', 1, 1),
    );
    expect(presented).toMatchObject({
      progress: 0.25,
      stale: false,
      versionNumber: 2,
      baselineVersionNumber: 1,
    });
    expect(presented.result).toBeNull();
  });

  it('is stale once the version was edited or another version took effect', () => {
    const changed = structuredClone(DOCUMENT);
    changed.fit.grades.A += 1;
    const edited = toBacktestRun(
      run({}),
      version('draft', 2, 4, changed),
      version('v1', 1, 1),
      version('v1', 1, 1),
    );
    const superseded = toBacktestRun(
      run({}),
      version('draft', 2, 3),
      version('v1', 1, 1),
      version('v2', 2, 1),
    );
    expect([edited.stale, superseded.stale]).toEqual([true, true]);
  });

  it('stays fresh across a send-back or a KPI target, and once the version it tested is published', () => {
    const retargeted = structuredClone(DOCUMENT);
    retargeted.kpis[0].target = { value: 999, period: 'MONTH' };
    const sentBack = toBacktestRun(run({}), version('draft', 2, 4), version('v1', 1, 1), version('v1', 1, 1));
    const kpiOnly = toBacktestRun(
      run({}),
      version('draft', 2, 5, retargeted),
      version('v1', 1, 1),
      version('v1', 1, 1),
    );
    const published = toBacktestRun(
      run({}),
      version('draft', 2, 3, DOCUMENT, 'PUBLISHED'),
      version('v1', 1, 1),
      version('draft', 2, 3),
    );
    expect([sentBack.stale, kpiOnly.stale, published.stale]).toEqual([false, false, false]);
  });

  it('shows the result and full progress only when done', () => {
    const done = toBacktestRun(
      run({ status: 'DONE', processed: 1000, result: { leadsRead: 1000 } as never }),
      version('draft', 2, 3),
      version('v1', 1, 1),
      version('v1', 1, 1),
    );
    expect(done).toMatchObject({ status: 'DONE', progress: 1, result: { leadsRead: 1000 } });
  });
});
