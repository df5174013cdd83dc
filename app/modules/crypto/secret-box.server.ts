import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "./derive-key.server.ts";

/**
 * Authenticated encryption (AES-256-GCM) for secrets kept at rest, such as TOTP seeds.
 * The key is derived from FILET_SECRET_KEY with HKDF-SHA256 and a purpose label, so one
 * installation key never encrypts two kinds of data with the same derived key.
 * Sealed form: `iv.tag.data`, each part base64url.
 */
const IV_BYTES = 12;
const keyFor = (secretKey: string, purpose: string) => deriveKey(secretKey, "filet-secret-box-v1", purpose);

export interface SecretBox {
  /** `context` is authenticated, not stored: a sealed value only opens for the record it was sealed for. */
  seal(plaintext: string, context?: string): string;
  /** Null when the value was tampered with, sealed for another context, or under another key. */
  open(sealed: string, context?: string): string | null;
}

export function secretBox(secretKey: string | undefined, purpose: string): SecretBox {
  const key = keyFor(secretKey ?? "", purpose);
  return {
    seal(plaintext, context = "") {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
    },
    open(sealed, context = "") {
      const parts = sealed.split(".");
      if (parts.length !== 3) return null;
      const [iv, tag, data] = parts.map((p) => Buffer.from(p, "base64url")) as [Buffer, Buffer, Buffer];
      if (iv.length !== IV_BYTES || tag.length !== 16) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv);
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}
