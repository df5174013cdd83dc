// Plain functions (no Node API) so the verification form may format codes too.

/** Crockford's base32: no I, L, O, U, so a code read aloud or retyped is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 10 random bytes = 80 bits = 16 characters: unguessable, short enough to type. */
export const CODE_BYTES = 10;
export const CODE_LENGTH = 16;

export function encodeCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A fresh code from the platform's cryptographic random source. */
export function newCertificateCode(): string {
  return encodeCode(crypto.getRandomValues(new Uint8Array(CODE_BYTES)));
}

/** "ABCD-EFGH-JKMN-PQRS" as printed on the certificate. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/**
 * What someone typed, as stored: separators and spaces dropped, upper case, and the letters
 * Crockford reads as digits (O → 0, I and L → 1). Null when it cannot be a code.
 */
export function normalizeCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const c of cleaned) if (!ALPHABET.includes(c)) return null;
  return cleaned;
}
