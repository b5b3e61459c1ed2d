import { Matches } from 'class-validator';

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
// Text of several lines: tabs and line breaks (LF, CR) are fine, other control characters are not.
const LINES_OF_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u;
// One line: no control character at all, tab and line breaks included.
const ONE_LINE_OF_TEXT = /^[^\u0000-\u001f\u007f]*$/u;
/* eslint-enable no-control-regex */

/**
 * Free text that people read back — in the app, in e-mail, in a webhook's payload — without control characters
 * (an ESC sequence garbles a terminal, a BEL rings one; the pipe already refuses NUL everywhere): `lines` lets
 * tabs and line breaks through, for notes and comments; without it the text is one line, for names and labels.
 */
export function PlainText({ lines }: { lines: boolean }): PropertyDecorator {
  return Matches(lines ? LINES_OF_TEXT : ONE_LINE_OF_TEXT, {
    message: lines
      ? 'must not contain control characters'
      : 'must not contain control characters or line breaks',
  });
}
