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
  const reportsTo = new Map<string, RepManagerRow[]>();
  for (const row of rows)
    if (row.managerEmail !== null) {
      const named = reportsTo.get(row.managerEmail);
      if (named) named.push(row);
      else reportsTo.set(row.managerEmail, [row]);
    }

  /** Refuses a row and, when that leaves its rep uncreated, every row that names the rep as manager. */
  const refuse = (first: RepManagerRow, reason: string) => {
    refused.set(first.row, reason);
    const gone = [first];
    for (let rep = gone.pop(); rep !== undefined; rep = gone.pop()) {
      if (members.has(rep.email)) continue;
      for (const row of reportsTo.get(rep.email) ?? []) {
        if (refused.has(row.row)) continue;
        refused.set(row.row, `${rep.email} cannot be the manager: their own row (${rep.row}) is refused`);
        gone.push(row);
      }
    }
  };

  for (const row of rows)
    if (
      !refused.has(row.row) &&
      row.managerEmail !== null &&
      !members.has(row.managerEmail) &&
      !rowOf.has(row.managerEmail)
    )
      refuse(row, `${row.managerEmail} is no member of this workspace and no rep in this file`);
  for (
    let loop = firstLoop(rows, refused, members);
    loop !== null;
    loop = firstLoop(rows, refused, members)
  ) {
    const last = loop.rows.reduce((a, b) => (b.row > a.row ? b : a));
    const from = loop.emails.indexOf(last.email);
    const path = [...loop.emails.slice(from), ...loop.emails.slice(0, from), last.email];
    // A long loop is named by its ends, so a report line stays readable.
    const shown = path.length > 6 ? [...path.slice(0, 3), '…', ...path.slice(-2)] : path;
    refuse(last, `would make a loop of managers: ${shown.join(' → ')}`);
  }
  return [...refused].map(([row, reason]) => ({ row, reason })).sort((a, b) => a.row - b.row);
}

/**
 * The first loop of managers that the rows not refused would make, and the rows that make it. Everyone has at
 * most one manager, so one walk up from each rep, never revisiting anyone, finds every loop: linear in the team.
 */
function firstLoop(
  rows: readonly RepManagerRow[],
  refused: ReadonlyMap<number, string>,
  members: ReadonlyMap<string, { managerEmail: string | null }>,
): { emails: string[]; rows: RepManagerRow[] } | null {
  const managerOf = new Map<string, string | null>();
  for (const [email, member] of members) managerOf.set(email, member.managerEmail);
  const rowOf = new Map<string, RepManagerRow>();
  for (const row of rows)
    if (row.managerEmail !== null && !refused.has(row.row)) {
      managerOf.set(row.email, row.managerEmail);
      rowOf.set(row.email, row);
    }
  const walkOf = new Map<string, number>();
  let walk = 0;
  for (const start of rowOf.keys()) {
    if (walkOf.has(start)) continue;
    walk++;
    const path: string[] = [];
    let next: string | null = start;
    while (next !== null && !walkOf.has(next)) {
      walkOf.set(next, walk);
      path.push(next);
      next = managerOf.get(next) ?? null;
    }
    if (next !== null && walkOf.get(next) === walk) {
      const emails = path.slice(path.indexOf(next));
      return { emails, rows: emails.flatMap((email) => rowOf.get(email) ?? []) };
    }
  }
  return null;
}

/** The name a new member gets when the file gives none: the e-mail's local part, the way it is written. */
export function repName(email: string): string {
  return email.slice(0, email.indexOf('@')).slice(0, 120);
}
