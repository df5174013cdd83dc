import { hkdfSync } from "node:crypto";

const keyCache = new Map<string, Buffer>();

/**
 * A 32-byte key derived from FILET_SECRET_KEY with HKDF-SHA256, a salt naming the mechanism
 * (secret box, signer) and a purpose label: one installation key never serves two uses with the
 * same derived key. Cached: derivation runs once per (mechanism, purpose) in a process.
 */
export function deriveKey(secretKey: string, salt: string, purpose: string): Buffer {
  if (!secretKey || secretKey.length < 32) throw new Error("FILET_SECRET_KEY is missing or shorter than 32 characters");
  const cacheKey = `${salt}\u0000${purpose}\u0000${secretKey}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secretKey, salt, purpose, 32));
    keyCache.set(cacheKey, key);
  }
  return key;
}
