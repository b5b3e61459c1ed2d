/** Request headers of a delivery. */
export const SIGNATURE_HEADER = 'Accord-Signature';
export const EVENT_HEADER = 'Accord-Event';
export const DELIVERY_HEADER = 'Accord-Delivery';

/** Signature scheme version; a receiver ignores schemes it does not know. */
export const SIGNATURE_SCHEME = 'v1';

/** How far a signature's timestamp may be from the receiver's clock before it is refused as a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** What is signed with HMAC-SHA256: the timestamp (unix seconds), a dot, and the raw body. */
export function signedContent(timestamp: number, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export function formatSignatureHeader(timestamp: number, hexSignature: string): string {
  return `t=${timestamp},${SIGNATURE_SCHEME}=${hexSignature}`;
}

export interface ParsedSignature {
  timestamp: number;
  /** Every v1 signature in the header (several while a secret is rotated). */
  signatures: string[];
}

/** Reads a signature header; null when it has no timestamp or no v1 signature. */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === SIGNATURE_SCHEME && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export type SignatureRefusal = 'MALFORMED' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'NO_MATCHING_SIGNATURE';

/**
 * Checks a signature header against the HMAC the receiver computed itself (`expectedHex`, over
 * signedContent(timestamp, rawBody)); null when it is valid. `hmac` computes HMAC-SHA256 hex of a string,
 * so this stays free of any crypto library. Comparison is constant-time in the signatures' length.
 */
export function verifySignatureHeader(
  header: string,
  rawBody: string,
  hmac: (content: string) => string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureRefusal | null {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return 'MALFORMED';
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return 'TIMESTAMP_OUT_OF_TOLERANCE';
  const expected = hmac(signedContent(parsed.timestamp, rawBody)).toLowerCase();
  return parsed.signatures.some((candidate) => constantTimeEqual(candidate, expected))
    ? null
    : 'NO_MATCHING_SIGNATURE';
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
