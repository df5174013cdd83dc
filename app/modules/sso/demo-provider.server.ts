import { eq } from "drizzle-orm";
import type { Config } from "../config/config.server.ts";
import type { Database } from "../db/client.server.ts";
import { clientSecretBox } from "./client-secret.server.ts";
import { forgetProviderConfiguration } from "./oidc-configuration.server.ts";
import { identityProvider } from "./tables.ts";

/** The demo's provider row is recognised by its client id (no real provider is registered so). */
export const DEMO_IDP_CLIENT_ID = "filet-demo";
export const DEMO_IDP_DEFAULT_ISSUER = "http://127.0.0.1:3001";

/** The fictional staff the demo provider knows (CSSS de Québec-Nord, csssqn.qc.ca). */
export const demoIdpPeople = [
  {
    sub: "csssqn-0001",
    label: "Julie Fortin — intervenante (groupe « intervenants »)",
    claims: { email: "julie.fortin@csssqn.qc.ca", email_verified: true, given_name: "Julie", family_name: "Fortin", locale: "fr", groups: ["intervenants"] },
  },
  {
    sub: "csssqn-0002",
    label: "Simon Lachance — intervenant pivot (groupe « pivots »)",
    claims: { email: "simon.lachance@csssqn.qc.ca", email_verified: true, given_name: "Simon", family_name: "Lachance", locale: "fr", groups: ["pivots"] },
  },
];

/**
 * Points the demo's provider row at the provider the demo just started (its real port) and
 * seals its client secret with this installation's key. Demo mode only.
 */
export async function attachDemoIdentityProvider(db: Database, config: Pick<Config, "FILET_SECRET_KEY">, input: { issuer: string; clientSecret: string }): Promise<number> {
  const rows = await db.select({ id: identityProvider.id }).from(identityProvider).where(eq(identityProvider.clientId, DEMO_IDP_CLIENT_ID));
  for (const row of rows) {
    await db
      .update(identityProvider)
      .set({ issuer: input.issuer, clientSecretEnc: clientSecretBox(config).seal(input.clientSecret, row.id), updatedAt: new Date() })
      .where(eq(identityProvider.id, row.id));
    forgetProviderConfiguration(row.id);
  }
  return rows.length;
}
