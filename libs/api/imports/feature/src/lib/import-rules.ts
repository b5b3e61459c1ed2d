import type { AuthMember } from '@accord/api/shared/auth';
import { AppError } from '@accord/api/shared/graphql';
import {
  IMPORT_ROLES,
  type ImportKind,
  type ImportMapping,
  headerProblems,
  mappingProblems,
} from '@accord/domain/imports';
import { hasAnyRole } from '@accord/domain/workspace';

/** Whether the member may import this kind, or read its imports (a reps import's report names members). */
export function mayImport(actor: AuthMember, kind: ImportKind): boolean {
  return hasAnyRole(actor.roles, IMPORT_ROLES[kind]);
}

/**
 * The controller and resolver let admins and marketing in; a kind may ask for less (sales reps become members,
 * which only admins add), and the kind is an argument, so it is checked here for every way in.
 */
export function checkMayImport(actor: AuthMember, kind: ImportKind): void {
  const roles = IMPORT_ROLES[kind];
  if (!mayImport(actor, kind))
    throw AppError.forbidden(
      `Only ${roles.map((role) => role.toLowerCase()).join(' and ')} members may import ${kind.toLowerCase().replace('_', ' ')}.`,
    );
}

/** The file's header row, trimmed; refused as a whole when a header cannot be used (a control character). */
export function usableHeaders(cells: readonly string[]): string[] {
  const headers = cells.map((header) => header.trim());
  const problems = headerProblems(headers);
  if (problems.length > 0)
    throw AppError.badInput(
      `The file's header row cannot be read: ${problems.map((problem) => problem.message).join('; ')}.`,
      problems,
    );
  return headers;
}

/** Refuses a mapping that cannot run on a file of `columnCount` columns, naming every problem. */
export function checkMapping(kind: ImportKind, mapping: ImportMapping, columnCount: number): void {
  const problems = mappingProblems(kind, mapping, columnCount);
  if (problems.length > 0)
    throw AppError.badInput(
      `The mapping cannot run: ${problems.map((problem) => problem.message).join('; ')}.`,
      problems,
    );
}
