import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { identityProvider } from "../sso/tables.ts";
import { DEMO_IDP_CLIENT_ID, DEMO_IDP_DEFAULT_ISSUER } from "../sso/demo-provider.server.ts";

/**
 * Single sign-on in the demo: the CSSS de Québec-Nord signs its staff in through its own
 * provider (the demo starts one, server/demo-idp.ts). The secret is sealed, and the issuer
 * set, when the demo provider starts (`attachDemoIdentityProvider`): until then the button
 * answers "not available".
 */
export async function seedSsoDemo(tx: Database, partnershipId: string): Promise<void> {
  const [org] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), eq(organization.acronym, "CSSS QN")))
    .limit(1);
  if (!org) return;
  await tx.insert(identityProvider).values({
    partnershipId,
    organizationId: org.id,
    issuer: DEMO_IDP_DEFAULT_ISSUER,
    clientId: DEMO_IDP_CLIENT_ID,
    clientSecretEnc: "",
    emailDomains: ["csssqn.qc.ca"],
    roleClaim: "groups",
    roleMappings: [
      { value: "pivots", role: "pivot" },
      { value: "intervenants", role: "worker" },
    ],
    defaultRole: "worker",
    autoCreate: true,
    ssoOnly: false,
    enabled: true,
  });
}
