/** Carriage returns, alone or before a newline: kept as line breaks, so a CRLF answer still reads as lines. */
const LINE_BREAK = /\r\n?/g;

/**
 * Control characters but tab and newline, and UTF-16 surrogates without their pair (with the `u` flag a paired
 * one is a single code point, which \p{Cs} does not match).
 */
const UNSTORABLE = /(?![\t\n])\p{Cc}|\p{Cs}/gu;

/**
 * Text a receiver controls (the start of its answer, an error that quotes it), made safe to store and show: a
 * NUL makes PostgreSQL refuse the whole statement (SQLSTATE 22021), which records a batch of outcomes at once,
 * and other controls garble an admin's screen. Each one becomes U+FFFD, so it is visible that something was there.
 */
export function storableText(text: string): string {
  return text.replace(LINE_BREAK, '\n').replace(UNSTORABLE, '\uFFFD');
}
