/**
 * An HttpOnly cookie that carries a random 256-bit token (43 base64url characters) and nothing
 * else: the sign-in session and the single sign-on flow under way. Behind HTTPS the name takes the
 * __Host- prefix, which forbids Domain and requires Secure and Path=/, so a subdomain cannot plant
 * it. Lax: sent on top-level navigations back from another site (a provider's redirect, a link in
 * an email), never on its cross-site subrequests or form posts.
 */
export type TokenCookie = {
  name(secure: boolean): string;
  serialize(token: string, secure: boolean, maxAgeSeconds?: number): string;
  clear(secure: boolean): string;
  /** The token, or null when the cookie is absent or is not shaped like one of ours. */
  read(request: Request, secure: boolean): string | null;
};

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function tokenCookie(baseName: string): TokenCookie {
  const name = (secure: boolean) => (secure ? `__Host-${baseName}` : baseName);
  const attributes = (secure: boolean, maxAge?: number) =>
    ["Path=/", "HttpOnly", "SameSite=Lax", ...(maxAge === undefined ? [] : [`Max-Age=${maxAge}`]), ...(secure ? ["Secure"] : [])];
  return {
    name,
    serialize: (token, secure, maxAgeSeconds) => [`${name(secure)}=${token}`, ...attributes(secure, maxAgeSeconds)].join("; "),
    clear: (secure) => [`${name(secure)}=`, ...attributes(secure, 0)].join("; "),
    read(request, secure) {
      const header = request.headers.get("cookie");
      if (!header) return null;
      const wanted = name(secure);
      for (const part of header.split(";")) {
        const [k, ...v] = part.trim().split("=");
        if (k === wanted) {
          const value = v.join("=");
          return TOKEN.test(value) ? value : null;
        }
      }
      return null;
    },
  };
}
