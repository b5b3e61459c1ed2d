import { z } from 'zod';

/** Field builders shared by every strict schema of the domain, so that all edges refuse bad input alike. */

/** Tab and line breaks are allowed in long text; every other control character (NUL included) is refused. */
function hasControlCharacter(value: string, multiline: boolean): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const lineBreak = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 || code === 0x7f) && !(multiline && lineBreak)) return true;
  }
  return false;
}

/**
 * Half of a UTF-16 surrogate pair alone (JSON's "\ud800"): with the `u` flag a whole pair is one code point, which
 * \p{Cs} skips. Written out as UTF-8 it becomes U+FFFD, so two such ids would be stored as one.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function text(max: number, multiline = false) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${formatBound(max)} characters`)
    .refine((value) => !hasControlCharacter(value, multiline), 'must not contain control characters')
    .refine(
      (value) => !LONE_SURROGATE.test(value),
      'must be well-formed Unicode (it holds half of a surrogate pair)',
    );
}

/** A bound as people read it in a message: "1,000,000,000,000", not "1000000000000". */
export function formatBound(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

function number() {
  return z.number({
    error: (issue) => {
      if (issue.input === undefined) return 'is required';
      // An emptied number field reaches the rules as null (JSON) or NaN (a number input): say what to do.
      return issue.input === null || Number.isNaN(issue.input) ? 'enter a number' : 'must be a finite number';
    },
  });
}

export function finite(min: number, max: number) {
  return number()
    .min(min, `must be at least ${formatBound(min)}`)
    .max(max, `must be at most ${formatBound(max)}`);
}

/** Above 0 (0 itself refused) and at most `max`: one message for a value too small, however far below 0. */
export function positive(max: number) {
  return number()
    .gt(0, 'must be more than 0')
    .max(max, `must be at most ${formatBound(max)}`);
}

export function whole(min: number, max: number) {
  return finite(min, max).int('must be a whole number');
}

/** One problem with an input, at a path such as `fit.criteria[2].points`, in words a member can act on. */
export interface InputIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}

/** A zod issue in the domain's words: unknown fields named, wrong shapes said plainly. */
export function inputIssue(issue: z.core.$ZodIssue): InputIssue {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key}"`).join(', ');
    return { path, message: `has unknown field${issue.keys.length > 1 ? 's' : ''} ${names}` };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    return { path, message: 'must be an object' };
  }
  return { path, message: issue.message };
}
