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

export function text(max: number, multiline = false) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasControlCharacter(value, multiline), 'must not contain control characters');
}

export function finite(min: number, max: number) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a finite number') })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
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
