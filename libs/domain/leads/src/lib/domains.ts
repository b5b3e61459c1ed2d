/** A domain name in its ASCII form: labels of letters, digits and hyphens, a top-level label of letters. */
const ASCII_DOMAIN =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** What never belongs in a domain name, though a URL parser would read it as another part of a URL or decode it. */
const NOT_IN_A_DOMAIN = /[\s/?#@:\\%[\]]/;

/**
 * A company's domain as Accord keeps it: lower case, an internationalised name in its ASCII form (münchen.de is
 * kept as xn--mnchen-3ya.de, as DNS and mail systems compare names), so that one company is one domain however a
 * form, a file or an e-mail wrote it; null for text that is not a domain name such as example.com. The WHATWG URL
 * parser, in browsers and Node alike, does the IDNA mapping (full-width dots, case, normalisation).
 */
export function asciiDomain(text: string): string | null {
  const trimmed = text.trim().replace(/\.$/, '');
  if (trimmed === '' || NOT_IN_A_DOMAIN.test(trimmed)) return null;
  let host: string;
  try {
    host = new URL(`http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  const domain = host.replace(/\.$/, '');
  return ASCII_DOMAIN.test(domain) ? domain : null;
}
