import type { DocumentIssue } from '@accord/domain/agreement';

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function isInside(path: string, parent: string): boolean {
  if (parent === '') return true;
  return path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/**
 * The domain's issues, found by the path of the control they belong to. Controls show the issues at their own
 * path; lists also show their items' (`values[2]`), and sections count everything inside them.
 */
export class IssueIndex {
  constructor(readonly issues: readonly DocumentIssue[]) {}

  /** The messages at exactly this path as one sentence, or null when there are none. */
  at(path: string): string | null {
    const messages = this.issues
      .filter((issue) => issue.path === path)
      .map((issue) => sentence(issue.message));
    return messages.length ? messages.join('. ') : null;
  }

  /** A list of plain values and its entries: "Must not be empty" or "Value 2: must be a two-letter …". */
  forValues(path: string): string | null {
    const own = this.at(path);
    const entries = this.issues.flatMap((issue) => {
      const match = /^\[(\d+)\]$/.exec(issue.path.slice(path.length));
      return issue.path.startsWith(path) && match ? [`Value ${Number(match[1]) + 1}: ${issue.message}`] : [];
    });
    const messages = [...(own ? [own] : []), ...entries];
    return messages.length ? messages.join('. ') : null;
  }

  /** How many issues sit at this path or inside it; with several paths, inside any of them. */
  count(...paths: string[]): number {
    return this.issues.filter((issue) => paths.some((path) => isInside(issue.path, path))).length;
  }
}
