/**
 * A tiny browser for the tests' OpenID provider (server/demo-idp.ts): follows redirects by
 * hand with its own cookie jar, fills the provider's sign-in page, and stops at Filet's
 * callback, returning the query string the provider sent back.
 */
export class IdpBrowser {
  private jar = new Map<string, string>();

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split("=")[1]!).getTime() < Date.now()) || attrs.some((a) => /^\s*max-age=0/i.test(a));
      if (!value || expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() } });
    this.keep(response);
    return response;
  }

  /** From the authorization URL to the callback: `?code=…&state=…&iss=…` (or `?error=…`). */
  async signIn(authorizationUrl: string, as: { sub: string; mfa?: boolean }, callbackPrefix: string): Promise<string> {
    let url = authorizationUrl;
    for (let step = 0; step < 20; step++) {
      const response = await this.fetch(url);
      if (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get("location")!, url).href;
        await response.arrayBuffer();
        if (next.startsWith(callbackPrefix)) return new URL(next).search;
        url = next;
        continue;
      }
      const html = await response.text();
      if (response.status === 200 && /\/interaction\/[^/]+$/.test(new URL(url).pathname) && html.includes('name="sub"')) {
        const body = new URLSearchParams({ sub: as.sub });
        if (as.mfa) body.set("mfa", "on");
        const posted = await this.fetch(`${url}/login`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
        await posted.arrayBuffer();
        url = new URL(posted.headers.get("location")!, url).href;
        continue;
      }
      throw new Error(`unexpected ${response.status} at ${url}: ${html.slice(0, 300)}`);
    }
    throw new Error("too many redirects");
  }
}
