import type { Cleaned } from './cleaned';
import { cleanEmail, cleanText } from './cleaners';

/**
 * The owner a row names: a member's e-mail, or their name — CRMs export the owner's name (Salesforce's
 * `Opportunity Owner = "Casey Closer"`), not their address.
 */
export type OwnerRef = { email: string } | { name: string };

/** A member as an import matches owners against them. */
export interface OwnerCandidate {
  id: string;
  email: string;
  name: string;
}

/** The member an owner cell names, or why it names none (said in the report; the owner is then left as it was). */
export type OwnerMatch = { ok: true; memberId: string; note: string | null } | { ok: false; reason: string };

// Longer than any member's name: a cell past it is no name to look up.
const MAX_OWNER_NAME_LENGTH = 200;

/** A name as owners are matched by it: case and white space aside ("casey  CLOSER " is "Casey Closer"). */
export function ownerNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An owner cell: an e-mail address, else a name to look up among the members. */
export function cleanOwner(raw: string): Cleaned<OwnerRef> {
  const email = cleanEmail(raw);
  if (email.ok) return { ok: true, value: { email: email.value }, note: email.note };
  const name = cleanText(raw, MAX_OWNER_NAME_LENGTH);
  return name.ok
    ? { ok: true, value: { name: name.value }, note: null }
    : { ok: false, reason: email.reason };
}

/**
 * The workspace's members by e-mail and by name, to find the owner a row names. A name finds a member only when
 * exactly one member has it: two "Alex Kim"s cannot be told apart, and crediting the wrong one with revenue is
 * worse than leaving the owner as it was.
 */
export class OwnerDirectory {
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, OwnerCandidate[]>();

  constructor(members: readonly OwnerCandidate[]) {
    for (const member of members) {
      this.byEmail.set(member.email.toLowerCase(), member.id);
      const key = ownerNameKey(member.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), member]);
    }
  }

  find(owner: OwnerRef): OwnerMatch {
    if ('email' in owner) {
      const memberId = this.byEmail.get(owner.email);
      return memberId
        ? { ok: true, memberId, note: null }
        : { ok: false, reason: `${owner.email} is not a member` };
    }
    const named = this.byName.get(ownerNameKey(owner.name)) ?? [];
    if (named.length === 1)
      return { ok: true, memberId: named[0].id, note: `"${owner.name}" is the member ${named[0].email}` };
    return {
      ok: false,
      reason:
        named.length === 0
          ? `"${owner.name}" is neither an e-mail address nor the name of a member`
          : `"${owner.name}" is the name of ${named.length} members (give the owner's e-mail to tell them apart)`,
    };
  }
}
