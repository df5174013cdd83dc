import { eq } from "drizzle-orm";
import * as client from "openid-client";
import type { Database } from "../db/client.server.ts";
import type { IdentityContext } from "../identity/identity-context.ts";
import { hashToken } from "../identity/session.server.ts";
import { clientSecretBox, idTokenBox } from "./client-secret.server.ts";
import { providerConfiguration } from "./oidc-configuration.server.ts";
import { identityProvider, ssoSession } from "./tables.ts";

export const POST_LOGOUT_PATH = "/login?notice=signedOut";

/**
 * RP-initiated logout: for a session opened through a provider, the provider's
 * end_session_endpoint with id_token_hint and post_logout_redirect_uri; null otherwise (or when
 * the provider has none, or cannot be reached: the Filet session ends anyway). The session's
 * record is forgotten either way.
 */
export async function providerLogoutUrl(context: IdentityContext, sessionToken: string): Promise<string | null> {
  const db: Database = context.db;
  const idHash = hashToken(sessionToken);
  const [row] = await db
    .select({ idTokenEnc: ssoSession.idTokenEnc, provider: identityProvider })
    .from(ssoSession)
    .innerJoin(identityProvider, eq(identityProvider.id, ssoSession.providerId))
    .where(eq(ssoSession.sessionIdHash, idHash))
    .limit(1);
  if (!row) return null;
  await db.delete(ssoSession).where(eq(ssoSession.sessionIdHash, idHash));
  const idToken = idTokenBox(context.config).open(row.idTokenEnc, idHash);
  const clientSecret = clientSecretBox(context.config).open(row.provider.clientSecretEnc, row.provider.id);
  if (!idToken || clientSecret === null) return null;
  try {
    const configuration = await providerConfiguration({ id: row.provider.id, issuer: row.provider.issuer, clientId: row.provider.clientId, clientSecret });
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${context.config.publicUrl}${POST_LOGOUT_PATH}`,
    }).href;
  } catch {
    return null;
  }
}
