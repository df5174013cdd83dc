import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * Forms of single sign-on: the platform admin's provider registry, "Sign in with…" and the
 * profile's linked accounts. The demo's provider is the CSSS de Québec-Nord's
 * (app/modules/demo/seed-sso.server.ts); its client id stays "filet-demo".
 */
const demoProvider = (demo: Demo) => demo.one(sql`select id from identity_provider where partnership_id = ${demo.tableId} and client_id = 'filet-demo'`);
const orgId = (demo: Demo, acronym: string) => demo.one(sql`select id from organization where partnership_id = ${demo.tableId} and acronym = ${acronym}`);

/** An identity of the school worker at the demo provider, made when the case needs one to unlink. */
async function identityToUnlink(demo: Demo): Promise<string> {
  const provider = await demoProvider(demo);
  await demo.db.execute(sql`
    insert into sso_identity (account_id, provider_id, partnership_id, organization_id, issuer, subject)
    select a.id, p.id, p.partnership_id, p.organization_id, p.issuer, 'forms-unlink'
    from account a, identity_provider p
    where a.email = 'intervenant.ecole@filet.test' and p.id = ${provider}
    on conflict do nothing`);
  return demo.one(sql`select id from sso_identity where subject = 'forms-unlink'`);
}

export const ssoCases: CaseBook = {
  "routes/admin/identity-providers.new.tsx": [
    {
      name: "register an organization's identity provider",
      kind: "create",
      as: "admin@filet.test",
      url: () => "/admin/identity-providers/new",
      body: async (demo, variant) => ({
        organizationId: await orgId(demo, "CSSS VC"),
        issuer: `https://connexion-${variant}.csssvc.example`,
        clientId: "filet",
        clientSecret: "un secret de client",
        emailDomains: "csssvc.qc.ca",
        roleClaim: "groups",
        roleMappings: "pivots = pivot",
        defaultRole: "worker",
        autoCreate: "on",
        enabled: "on",
      }),
    },
  ],
  "routes/admin/identity-providers.$providerId.tsx": [
    {
      name: "edit an identity provider",
      kind: "edit",
      as: "admin@filet.test",
      url: async (demo) => `/admin/identity-providers/${await demoProvider(demo)}`,
      body: async (demo, variant) => {
        const id = await demoProvider(demo);
        return {
          version: String(await demo.one<number>(sql`select version from identity_provider where id = ${id}`)),
          organizationId: await orgId(demo, "CSSS QN"),
          issuer: await demo.one(sql`select issuer from identity_provider where id = ${id}`),
          clientId: "filet-demo",
          clientSecret: "",
          emailDomains: "csssqn.qc.ca",
          roleClaim: "groups",
          roleMappings: `pivots = pivot\nintervenants${variant} = worker`,
          defaultRole: "worker",
          autoCreate: "on",
          enabled: "on",
        };
      },
    },
  ],
  "routes/identity/login.sso.$providerId.tsx": [
    {
      name: "sign in with an organization",
      kind: "action",
      as: "anonymous",
      url: async (demo) => `/login/sso/${await demoProvider(demo)}`,
      body: () => ({ redirectTo: "/directory" }),
    },
  ],
  "routes/identity/login.sso.tsx": [
    {
      name: "sign in by one's work address (email first)",
      kind: "action",
      as: "anonymous",
      url: () => "/login/sso",
      body: () => ({ email: "julie.fortin@csssqn.qc.ca", redirectTo: "/" }),
    },
  ],
  "routes/identity/profile.sso.tsx": [
    {
      name: "unlink one's organization account",
      kind: "action",
      as: "intervenant.ecole@filet.test",
      url: () => "/profile/sso",
      body: async (demo) => ({ intent: "unlink", identityId: await identityToUnlink(demo) }),
    },
  ],
};
