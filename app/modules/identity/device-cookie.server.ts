import { randomBytes } from "node:crypto";
import type { Config } from "../config/config.server.ts";
import { signer } from "../crypto/signer.server.ts";

/**
 * Device cookies (OWASP, "Slow Down Online Guessing with Device Cookies"). After a successful
 * password sign-in the browser receives an entry binding the account and a random nonce,
 * signed with a key derived from FILET_SECRET_KEY. At the next sign-in, a browser presenting a
 * valid entry for THAT account is a known device: its failures count against its own budget,
 * not against the budget every unknown browser shares, so a stranger's wrong passwords cannot
 * lock out the person on a browser that signed in before.
 *
 * The entry is `nonce.signature`; the signature covers the account's e-mail and the nonce, so
 * the cookie names nobody (a shared computer's cookie jar does not say who signed in). One
 * cookie holds the entries of a few accounts (a family computer), the latest first.
 */
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;
const MAX_ENTRIES = 5;
const ENTRY = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;

export function deviceCookieName(secure: boolean): string {
  return secure ? "__Host-filet_device" : "filet_device";
}

function deviceSigner(config: Pick<Config, "FILET_SECRET_KEY">) {
  return config.FILET_SECRET_KEY && config.FILET_SECRET_KEY.length >= 32 ? signer(config.FILET_SECRET_KEY, "device-cookie") : null;
}

const signed = (email: string, nonce: string) => `${email.trim().toLowerCase()}\n${nonce}`;

/** The well-formed entries the browser sent (at most a few); nothing is verified yet. */
export function readDeviceEntries(request: Request, secure: boolean): string[] {
  const header = request.headers.get("cookie");
  if (!header) return [];
  const name = deviceCookieName(secure);
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=").split("~").filter((e) => ENTRY.test(e)).slice(0, MAX_ENTRIES);
  }
  return [];
}

/** The nonce of the entry that is valid for this account, or null (an untrusted client). */
export function trustedDeviceNonce(config: Pick<Config, "FILET_SECRET_KEY">, entries: readonly string[], email: string): string | null {
  const s = deviceSigner(config);
  if (!s) return null;
  for (const entry of entries) {
    const [nonce, signature] = entry.split(".") as [string, string];
    if (s.verify(signed(email, nonce), signature)) return nonce;
  }
  return null;
}

/**
 * The entries after a successful sign-in: a fresh entry for this account first (a new nonce at
 * every sign-in), the other accounts' entries kept. Null when no key is configured.
 */
export function renewDeviceEntries(config: Pick<Config, "FILET_SECRET_KEY">, entries: readonly string[], email: string): string[] | null {
  const s = deviceSigner(config);
  if (!s) return null;
  const nonce = randomBytes(16).toString("base64url");
  const others = entries.filter((entry) => {
    const [n, signature] = entry.split(".") as [string, string];
    return !s.verify(signed(email, n), signature);
  });
  return [`${nonce}.${s.sign(signed(email, nonce))}`, ...others].slice(0, MAX_ENTRIES);
}

/** Long-lived, HttpOnly, SameSite=Lax; Secure and __Host- in production, like the session cookie. */
export function serializeDeviceCookie(entries: readonly string[], secure: boolean): string {
  const parts = [`${deviceCookieName(secure)}=${entries.join("~")}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
