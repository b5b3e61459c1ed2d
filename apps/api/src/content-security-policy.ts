import type { Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the web app's index.html names its root element's `ngCspNonce` with; each answer replaces it with a fresh
 * nonce, which Angular gives every `<style>` element it writes (its components', Material's, the charts').
 */
export const CSP_NONCE_PLACEHOLDER = 'ACCORD_CSP_NONCE';

/**
 * What any answer may load: its own scripts and styles only, never framed (clickjacking an admin into a click).
 * No `upgrade-insecure-requests`: it would send a product served over plain HTTP (localhost) to https for its own
 * files. The web app's page widens it (`pagePolicy`).
 */
export const WEB_APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The policy of every answer but the web app's page (which replaces it) and /graphql (see configure-app.ts). */
export const answerPolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: WEB_APP_CSP });

/** A nonce for one page: 128 random bits, as CSP asks (base64, unguessable, never reused). */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

function nonceOf(_req: IncomingMessage, res: ServerResponse): string {
  return `'nonce-${(res as Response).locals['cspNonce'] as string}'`;
}

/**
 * The policy of the web app's page, whose nonce is in `res.locals.cspNonce`: still no inline script (index.html
 * holds none: critical-CSS inlining, whose `onload` handler is one, is off in apps/web/project.json); `<style>`
 * elements only with the page's nonce, so markup that slipped in cannot add a stylesheet (CSS selectors can read
 * attribute values out of a page); style *attributes* allowed, because Angular writes a template's static
 * `style="…"` with setAttribute — they hold declarations only, no selectors.
 */
export const pagePolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: { ...WEB_APP_CSP, styleSrc: ["'self'", nonceOf], styleSrcAttr: ["'unsafe-inline'"] },
});
