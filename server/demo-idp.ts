import http from "node:http";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider, { type PageContext } from "oidc-provider";

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for the tests and the demo: an
 * in-memory store, one confidential client, and the people it knows with the claims it gives.
 * Its sign-in page lists those people (no password: it is a stand-in for a partner's own
 * provider, never run outside tests and demo mode); "second factor" puts `amr` ["pwd", "otp"]
 * in the ID token.
 */
export interface IdpPerson {
  sub: string;
  label: string;
  claims: Record<string, unknown>;
}

export interface IdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface RunningIdp {
  issuer: string;
  port: number;
  people: Map<string, IdpPerson>;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Every page of the provider: French with its English beside it (a stand-in partner provider
 * does not know the reader's language), styled in the page itself and loading nothing from
 * elsewhere: oidc-provider's own pages import a font from Google, which the demo's machines (and
 * the browser tests) cannot reach. The empty icon spares the browser a /favicon.ico that 404s.
 */
function page(title: { fr: string; en: string }, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title.fr)} / ${escapeHtml(title.en)}</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}fieldset{border:1px solid #767676;padding:1rem}label{display:block;margin:.4rem 0}button{font:inherit;padding:.5rem 1rem;margin:1rem .5rem 0 0;background:#0b4f8a;color:#fff;border:0;border-radius:4px}button.secondary{background:#fff;color:#0b4f8a;border:1px solid #0b4f8a}pre{white-space:pre-wrap}</style></head>
<body><main>${body}</main></body></html>`;
}

/** "Français / English", the English part marked as such for screen readers. */
const both = (fr: string, en: string) => `${escapeHtml(fr)} / <span lang="en">${escapeHtml(en)}</span>`;

/** The provider's own pages (sign-out question, signed out, error) in the same plain style. */
const providerPages = {
  async logoutSource(ctx: PageContext, form: string) {
    ctx.type = "html";
    ctx.body = page(
      { fr: "Se déconnecter", en: "Sign out" },
      `<h1>${both(`Se déconnecter de ${ctx.host} ?`, `Sign out of ${ctx.host}?`)}</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${both("Oui, me déconnecter", "Yes, sign me out")}</button>
<button class="secondary" type="submit" form="op.logoutForm">${both("Non, rester connecté", "No, stay signed in")}</button>`,
    );
  },
  async postLogoutSuccessSource(ctx: PageContext) {
    ctx.type = "html";
    ctx.body = page({ fr: "Déconnecté", en: "Signed out" }, `<h1>${both("Vous êtes déconnecté.", "You are signed out.")}</h1>`);
  },
  async renderError(ctx: PageContext, out: Record<string, string>) {
    ctx.type = "html";
    const details = Object.entries(out)
      .map(([key, value]) => `<pre><strong>${escapeHtml(key)}</strong> : ${escapeHtml(String(value))}</pre>`)
      .join("");
    ctx.body = page({ fr: "Erreur", en: "Error" }, `<h1>${both("La demande n'a pas abouti.", "The request failed.")}</h1>${details}`);
  },
};

async function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startIdp(options: { port?: number; host?: string; title?: { fr: string; en: string }; client: IdpClient; people: IdpPerson[] }): Promise<RunningIdp> {
  const host = options.host ?? "127.0.0.1";
  const people = new Map(options.people.map((p) => [p.sub, p]));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: randomBytes(8).toString("hex"), use: "sig", alg: "RS256" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // amr and acr come with the openid scope: Filet reads them to know whether MFA was passed.
    claims: {
      sid: null,
      iss: null,
      openid: ["sub", "amr", "acr", "auth_time"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name", "locale", "groups"],
    },
    // The claims go in the ID token (Filet reads them there), not only at userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource: providerPages.logoutSource, postLogoutSuccessSource: providerPages.postLogoutSuccessSource },
    },
    renderError: providerPages.renderError,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const who = people.get(sub);
      if (!who) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...who.claims }) };
    },
  });
  const callback = provider.callback();

  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = url.pathname.match(/^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login)?$/);
    if (!match) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== match[1]) throw new Error("interaction mismatch");
        if (match[2] && req.method === "POST") {
          const body = await readBody(req);
          const sub = body.get("sub") ?? "";
          if (!people.has(sub)) throw new Error("unknown person");
          const mfa = body.get("mfa") === "on";
          await provider.interactionFinished(req, res, { login: { accountId: sub, amr: mfa ? ["pwd", "otp"] : ["pwd"] } }, { mergeWithLastSubmission: false });
          return;
        }
        if (details.prompt.name === "consent") {
          // A partner's own provider for its own staff: consent is implied.
          const grant = details.grantId
            ? await provider.Grant.find(details.grantId)
            : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
          const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
          if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(" "));
          if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
          const grantId = await grant!.save();
          await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
          return;
        }
        const title = options.title ?? { fr: "Fournisseur d'identité de démonstration", en: "Demo identity provider" };
        const choices = [...people.values()]
          .map((p, i) => `<label><input type="radio" name="sub" value="${escapeHtml(p.sub)}"${i === 0 ? " checked" : ""}> ${escapeHtml(p.label)}</label>`)
          .join("");
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(
          page(
            title,
            `<h1>${both(title.fr, title.en)}</h1><form method="post" action="/interaction/${details.uid}/login"><fieldset><legend>${both("Se connecter en tant que", "Sign in as")}</legend>${choices}</fieldset>
<label><input type="checkbox" name="mfa"> ${both("Deuxième facteur validé", "Second factor passed")}</label><button type="submit">${both("Continuer", "Continue")}</button></form>`,
          ),
        );
      } catch {
        if (!res.headersSent) {
          res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
          res.end("Interaction invalide ou expirée.");
        }
      }
    })();
  });

  return {
    issuer,
    port,
    people,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
