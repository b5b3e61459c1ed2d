import type { FactScope, VersionRow } from '@accord/api/dashboard/data-access';
import { AppError } from '@accord/api/shared/graphql';
import { DashboardFilterInput, employeeBand, filterProblems } from '@accord/domain/dashboard';

/** Refuses a filter the dashboard cannot read, naming every bad field (BAD_USER_INPUT). */
export function checkFilter(filter: DashboardFilterInput): void {
  const problems = filterProblems(filter).map((problem) => ({
    ...problem,
    field: `filter.${problem.field}`,
  }));
  if (problems.length > 0)
    throw AppError.badInput(
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      problems,
    );
}

/** The published version the filter names; BAD_USER_INPUT when the workspace has no such version. */
export function chosenVersion(
  filter: DashboardFilterInput,
  versions: readonly VersionRow[],
): VersionRow | null {
  if (!filter.versionId) return null;
  const version = versions.find((candidate) => candidate.id === filter.versionId);
  if (!version)
    throw AppError.badInput('filter.versionId: not a published version of this workspace', [
      { field: 'filter.versionId', message: 'not a published version of this workspace' },
    ]);
  return version;
}

/** The version in force at an instant: the latest published one that had taken effect and was not superseded. */
export function versionInForce(versions: readonly VersionRow[], at: Date): VersionRow | null {
  return (
    versions.find(
      (version) =>
        version.effectiveAt.getTime() <= at.getTime() &&
        (version.supersededAt === null || version.supersededAt.getTime() > at.getTime()),
    ) ?? null
  );
}

/** The facts a filter selects, in the workspace's time zone. */
export function factScope(
  filter: DashboardFilterInput,
  timeZone: string,
  version: VersionRow | null,
): FactScope {
  const band = filter.employeeBand ? employeeBand(filter.employeeBand) : undefined;
  return {
    from: filter.from,
    to: filter.to,
    timeZone,
    versionId: version?.id ?? null,
    versionWindow: version ? { from: version.effectiveAt, to: version.supersededAt } : null,
    industry: filter.industry ?? null,
    employeesMin: band?.min ?? null,
    employeesMax: band?.max ?? null,
    country: filter.country ?? null,
    source: filter.source ?? null,
    campaign: filter.campaign ?? null,
    ownerId: filter.ownerId ?? null,
    team: filter.team ?? null,
  };
}
