import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "./derive-key.server.ts";

/**
 * HMAC-SHA256 signatures for values handed to browsers (device cookies). The key is derived
 * from FILET_SECRET_KEY with HKDF and a purpose label, like the secret box: a signature made
 * for one purpose is worthless for another, and the installation key itself never signs.
 */
const keyFor = (secretKey: string, purpose: string) => deriveKey(secretKey, "filet-signer-v1", purpose);

export interface Signer {
  /** base64url, 43 characters. */
  sign(value: string): string;
  /** Constant-time comparison; false for anything malformed. */
  verify(value: string, signature: string): boolean;
}

export function signer(secretKey: string | undefined, purpose: string): Signer {
  const key = keyFor(secretKey ?? "", purpose);
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
