import { SSO_STATE_TTL_MS } from "./sso-sign-in.server.ts";

/** The cookie carrying the id of the sign-in under way (10 minutes; the flow's secrets stay in the database). */
export function ssoCookieName(secure: boolean): string {
  return secure ? "__Host-filet_sso" : "filet_sso";
}

export function serializeSsoCookie(id: string, secure: boolean): string {
  // Lax: sent on the provider's top-level redirect back to the callback.
  const parts = [`${ssoCookieName(secure)}=${id}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${SSO_STATE_TTL_MS / 1000}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearSsoCookie(secure: boolean): string {
  const parts = [`${ssoCookieName(secure)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function readSsoCookie(request: Request, secure: boolean): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const name = ssoCookieName(secure);
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      const value = v.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}
