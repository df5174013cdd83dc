import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * HMAC-SHA256 signatures for values handed to browsers (device cookies). The key is derived
 * from FILET_SECRET_KEY with HKDF and a purpose label, like the secret box: a signature made
 * for one purpose is worthless for another, and the installation key itself never signs.
 */
const keyCache = new Map<string, Buffer>();

function deriveKey(secretKey: string, purpose: string): Buffer {
  if (!secretKey || secretKey.length < 32) throw new Error("FILET_SECRET_KEY is missing or shorter than 32 characters");
  const cacheKey = `${purpose}\u0000${secretKey}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secretKey, "filet-signer-v1", purpose, 32));
    keyCache.set(cacheKey, key);
  }
  return key;
}

export interface Signer {
  /** base64url, 43 characters. */
  sign(value: string): string;
  /** Constant-time comparison; false for anything malformed. */
  verify(value: string, signature: string): boolean;
}

export function signer(secretKey: string | undefined, purpose: string): Signer {
  const key = deriveKey(secretKey ?? "", purpose);
  const sign = (value: string) => createHmac("sha256", key).update(value, "utf8").digest("base64url");
  return {
    sign,
    verify(value, signature) {
      const expected = Buffer.from(sign(value), "utf8");
      const given = Buffer.from(signature, "utf8");
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
