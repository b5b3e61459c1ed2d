/** A rep row as the manager check reads it: who, and the manager the file names (null: leave it as it is). */
export interface RepManagerRow {
  row: number;
  email: string;
  managerEmail: string | null;
}

/** A row refused for its manager, with the reason (about the manager column). */
export interface ManagerRefusal {
  row: number;
  reason: string;
}

/**
 * Which rep rows are refused for their manager, given the workspace's members and whom each reports to now.
 * A manager must be a member already or a rep of the same rows — wherever the row stands, before or after its
 * reps — whose own row is not refused. No one may end up managing themself, directly or around a loop
 * (a → b → a); of a loop, the row that comes last in the file is refused, and the check runs again, since a
 * refused new rep can no longer manage anyone.
 */
export function refuseManagers(
  rows: readonly RepManagerRow[],
  members: ReadonlyMap<string, { managerEmail: string | null }>,
): ManagerRefusal[] {
  const refused = new Map<number, string>();
  const rowOf = new Map(rows.map((row) => [row.email, row]));
  const accepted = () => rows.filter((row) => !refused.has(row.row));
  for (;;) {
    const missing = accepted().filter(
      (row) => row.managerEmail !== null && !members.has(row.managerEmail) && !isAccepted(row.managerEmail),
    );
    for (const row of missing) refused.set(row.row, missingReason(row.managerEmail as string));
    if (missing.length > 0) continue;
    const loop = firstLoop(accepted(), members);
    if (loop === null) break;
    const last = loop.rows.reduce((a, b) => (b.row > a.row ? b : a));
    const from = loop.emails.indexOf(last.email);
    const path = [...loop.emails.slice(from), ...loop.emails.slice(0, from), last.email];
    refused.set(last.row, `would make a loop of managers: ${path.join(' → ')}`);
  }
  return [...refused].map(([row, reason]) => ({ row, reason })).sort((a, b) => a.row - b.row);

  function isAccepted(email: string): boolean {
    const row = rowOf.get(email);
    return row !== undefined && !refused.has(row.row);
  }

  function missingReason(manager: string): string {
    const own = rowOf.get(manager);
    return own
      ? `${manager} cannot be the manager: their own row (${own.row}) is refused`
      : `${manager} is no member of this workspace and no rep in this file`;
  }
}

/** The first loop of managers that the rows would make, and the rows that make it. */
function firstLoop(
  rows: readonly RepManagerRow[],
  members: ReadonlyMap<string, { managerEmail: string | null }>,
): { emails: string[]; rows: RepManagerRow[] } | null {
  const managerOf = new Map<string, string | null>();
  for (const [email, member] of members) managerOf.set(email, member.managerEmail);
  const rowOf = new Map<string, RepManagerRow>();
  for (const row of rows)
    if (row.managerEmail !== null) {
      managerOf.set(row.email, row.managerEmail);
      rowOf.set(row.email, row);
    }
  for (const start of rowOf.keys()) {
    const chain = [start];
    for (let next = managerOf.get(start) ?? null; next !== null; next = managerOf.get(next) ?? null) {
      if (next === start) {
        const inLoop = chain.flatMap((email) => rowOf.get(email) ?? []);
        return { emails: chain, rows: inLoop };
      }
      if (chain.includes(next) || chain.length > managerOf.size) break;
      chain.push(next);
    }
  }
  return null;
}

/** The name a new member gets when the file gives none: the e-mail's local part, the way it is written. */
export function repName(email: string): string {
  return email.slice(0, email.indexOf('@')).slice(0, 120);
}
