import { sql } from "drizzle-orm";
import { rowsOf } from "../../../app/modules/db/rows.ts";
import type { CaseBook, Demo, Fields } from "../harness.ts";

/** Forms of the admin routes: a valid submission each (see ../harness.ts). */

const orgId = (demo: Demo, acronym: string) => demo.one(sql`select id from organization where partnership_id = ${demo.tableId} and acronym = ${acronym}`);
const otherTable = (demo: Demo) => demo.one(sql`select id from partnership where id <> ${demo.tableId} order by slug limit 1`);
const personByEmail = (demo: Demo, email: string) => demo.one(sql`select id from person where partnership_id = ${demo.tableId} and email = ${email}`);
const siteId = (demo: Demo) => demo.one(sql`select id from site where partnership_id = ${demo.tableId} and name = 'District de police La Cité-Limoilou'`);

async function row(demo: Demo, query: ReturnType<typeof sql>): Promise<Record<string, unknown>> {
  const [first] = rowsOf<Record<string, unknown>>(await demo.db.execute(query));
  if (!first) throw new Error(`demo lookup found nothing: ${JSON.stringify(query)}`);
  return first;
}

const languagesOf = (languages: string[]): Fields => ({
  languages: languages.filter((l) => l === "fr" || l === "en"),
  otherLanguages: languages.filter((l) => l !== "fr" && l !== "en").join(", "),
});

/**
 * A directory entry of the Québec Table kept for one case (so no persona and no other area's
 * data is touched): created on first use in CJQ-IU, with an account in `status` and a role
 * when asked. The state is set again on every call, so the valid submission applies.
 */
async function formsPerson(demo: Demo, email: string, options: { status?: string; role?: string } = {}): Promise<string> {
  const cjq = await orgId(demo, "CJQ-IU");
  await demo.db.execute(sql`
    insert into person (partnership_id, organization_id, given_name, family_name, email)
    select ${demo.tableId}, ${cjq}, 'Formulaires', ${email.split("@")[0]!}, ${email}
    where not exists (select 1 from person where email = ${email})`);
  const id = await personByEmail(demo, email);
  if (options.status) {
    await demo.db.execute(sql`
      insert into account (person_id, email, status) values (${id}, ${email}, ${options.status}::account_status)
      on conflict (person_id) do update set status = excluded.status, deactivated_at = null`);
  }
  if (options.role) {
    await demo.db.execute(sql`
      insert into role_assignment (person_id, role, partnership_id, organization_id)
      select ${id}, ${options.role}::role, ${demo.tableId}, ${cjq}
      where not exists (select 1 from role_assignment where person_id = ${id} and role = ${options.role}::role and revoked_at is null)`);
  }
  return id;
}

const personUrl = async (demo: Demo, email: string, options?: { status?: string; role?: string }) =>
  `/admin/people/${await formsPerson(demo, email, options)}`;

export const adminCases: CaseBook = {
  "routes/admin/table.tsx": [
    {
      name: "switch the admin's current Table",
      kind: "action",
      as: "admin@filet.test",
      url: () => "/admin/table",
      body: (demo) => ({ partnershipId: demo.tableId, redirectTo: "/admin/organizations" }),
    },
  ],
  "routes/admin/settings.tsx": [
    {
      name: "edit the Table settings",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/admin/settings",
      body: async (demo, variant) => {
        const version = await demo.one(sql`select version from partnership where id = ${demo.tableId}`);
        return {
          version: String(version),
          directoryFreshnessMonths: String(2 + (variant % 10)),
          meetingKinds: "",
          trainingRegistrationClosesDays: "7",
          trainingReminderDays: "2",
          trainingMaxOrganizationSharePercent: "50",
          trainingMinOrganizations: "2",
          trainingMinMilieux: "2",
        };
      },
    },
  ],
  "routes/admin/tables.new.tsx": [
    {
      name: "create a Table",
      kind: "create",
      as: "admin@filet.test",
      url: () => "/admin/tables/new",
      body: (_demo, variant) => ({
        nameFr: `Table des formulaires ${variant}`,
        nameEn: `Forms Table ${variant}`,
        slug: `formulaires-${variant}`,
        region: "Bas-Saint-Laurent",
        dpjPhone: "1 800 555-0100",
        foundedOn: "2024-09-01",
      }),
    },
  ],
  "routes/admin/tables.$partnershipId.tsx": [
    {
      name: "edit a Table's identity",
      kind: "edit",
      as: "admin@filet.test",
      url: async (demo) => `/admin/tables/${await otherTable(demo)}`,
      body: async (demo, variant) => {
        const t = await row(demo, sql`select name_fr, name_en, slug, version from partnership where id = ${await otherTable(demo)}`);
        return {
          version: String(t.version),
          nameFr: String(t.name_fr),
          nameEn: String(t.name_en),
          slug: String(t.slug),
          region: `Région ${variant}`,
          dpjPhone: "1 800 555-0101",
          foundedOn: "2010-01-15",
        };
      },
    },
  ],
  "routes/admin/organizations.new.tsx": [
    {
      name: "create an organization",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/admin/organizations/new",
      body: (_demo, variant) => ({
        intent: "save",
        type: "community",
        nameFr: `Organisme des formulaires ${variant}`,
        nameEn: `Forms organization ${variant}`,
        acronym: `OF${variant}`,
        mission: "Accueillir les jeunes.",
        mandate: "",
        culture: "",
        services: "",
        territory: "Québec",
        languages: ["fr"],
        otherLanguages: "",
        website: "https://exemple.org",
        phone: "418 555-0199",
        emailDomains: "",
        joinedOn: "2025-01-01",
        leftOn: "",
      }),
    },
  ],
  "routes/admin/organizations.$organizationId.tsx": [
    {
      name: "edit an organization's profile",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/admin/organizations/${await orgId(demo, "PIPQ")}`,
      body: async (demo, variant) => {
        const o = await row(
          demo,
          sql`select type, name_fr, name_en, acronym, culture, services, territory, languages, website, phone, email_domains, joined_on::text as joined_on, left_on::text as left_on, version
              from organization where id = ${await orgId(demo, "PIPQ")}`,
        );
        return {
          intent: "save",
          version: String(o.version),
          type: String(o.type),
          nameFr: String(o.name_fr),
          nameEn: String(o.name_en),
          acronym: String(o.acronym),
          mission: `Rejoindre les jeunes, version ${variant}.`,
          mandate: "Intervention de proximité.",
          culture: String(o.culture),
          services: String(o.services),
          territory: String(o.territory),
          ...languagesOf(o.languages as string[]),
          website: String(o.website),
          phone: String(o.phone),
          emailDomains: (o.email_domains as string[]).join(", "),
          joinedOn: (o.joined_on as string | null) ?? "",
          leftOn: (o.left_on as string | null) ?? "",
        };
      },
    },
  ],
  "routes/admin/organizations.$organizationId.sites.new.tsx": [
    {
      name: "add a site to an organization",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/admin/organizations/${await orgId(demo, "CJQ-IU")}/sites/new`,
      body: (_demo, variant) => ({
        name: `Point de service des formulaires ${variant}`,
        kind: "Bureau",
        address: "1, rue des Formulaires",
        municipality: "Québec",
        territory: "Limoilou",
        phone: "418 555-0177",
      }),
    },
  ],
  "routes/admin/sites.$siteId.tsx": [
    {
      name: "edit a site",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/admin/sites/${await siteId(demo)}`,
      body: async (demo, variant) => {
        const s = await row(demo, sql`select name, kind, municipality, territory, phone, version from site where id = ${await siteId(demo)}`);
        return {
          version: String(s.version),
          name: String(s.name),
          kind: String(s.kind),
          address: `${1000 + variant}, rue Fictive`,
          municipality: String(s.municipality),
          territory: String(s.territory),
          phone: String(s.phone),
        };
      },
    },
  ],
  "routes/admin/people.new.tsx": [
    {
      name: "create a directory entry",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/admin/people/new",
      body: async (demo, variant) => ({
        intent: "save",
        givenName: "Camille",
        familyName: `Formulaire ${variant}`,
        title: "Intervenante",
        email: "",
        phone: "",
        organizationId: await orgId(demo, "CJQ-IU"),
        siteId: "",
        languages: ["fr"],
        otherLanguages: "",
      }),
    },
  ],
  "routes/admin/people.$personId.tsx": [
    {
      name: "edit a person's directory entry",
      kind: "edit",
      as: "coordination@filet.test",
      url: (demo) => personUrl(demo, "forms.details@filet.test"),
      body: async (demo, variant) => {
        const p = await row(demo, sql`select given_name, family_name, email, phone, organization_id, site_id, languages, version from person where email = 'forms.details@filet.test'`);
        return {
          intent: "save",
          version: String(p.version),
          givenName: String(p.given_name),
          familyName: String(p.family_name),
          title: `Agente de liaison ${variant}`,
          email: String(p.email),
          phone: String(p.phone),
          organizationId: String(p.organization_id ?? ""),
          siteId: String(p.site_id ?? ""),
          ...languagesOf(p.languages as string[]),
        };
      },
    },
    {
      name: "grant a role",
      kind: "create",
      as: "coordination@filet.test",
      url: (demo) => personUrl(demo, "forms.grant@filet.test"),
      // Two different roles, so two submissions really grant two things.
      body: (_demo, variant) => ({ intent: "grant", role: variant % 2 ? "worker" : "pivot", organizationId: "" }),
    },
    {
      name: "revoke a role",
      kind: "action",
      as: "coordination@filet.test",
      url: (demo) => personUrl(demo, "forms.revoke@filet.test", { role: "worker" }),
      body: async (demo) => ({
        intent: "revoke",
        assignmentId: await demo.one(
          sql`select r.id from role_assignment r join person p on p.id = r.person_id where p.email = 'forms.revoke@filet.test' order by r.revoked_at nulls first limit 1`,
        ),
      }),
    },
    {
      name: "invite a person (or send the invitation again)",
      kind: "action",
      as: "coordination@filet.test",
      url: (demo) => personUrl(demo, "forms.invite@filet.test"),
      body: () => ({ intent: "invite" }),
    },
    {
      name: "deactivate an account",
      kind: "action",
      as: "coordination@filet.test",
      url: (demo) => personUrl(demo, "forms.deactivate@filet.test", { status: "active" }),
      body: () => ({ intent: "deactivate", confirm: "yes" }),
    },
    {
      name: "reactivate an account",
      kind: "action",
      as: "coordination@filet.test",
      url: (demo) => personUrl(demo, "forms.reactivate@filet.test", { status: "deactivated" }),
      body: () => ({ intent: "reactivate" }),
    },
  ],
  "routes/admin/approvals.tsx": [
    {
      name: "approve a self sign-up",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/admin/approvals",
      body: async (demo) => {
        const id = await formsPerson(demo, "forms.approve@filet.test", { status: "pending_approval" });
        return { intent: "approve", accountId: await demo.one(sql`select id from account where person_id = ${id}`) };
      },
    },
    {
      name: "reject a self sign-up",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/admin/approvals",
      body: async (demo) => {
        const id = await formsPerson(demo, "forms.reject@filet.test", { status: "pending_approval" });
        return { intent: "reject", accountId: await demo.one(sql`select id from account where person_id = ${id}`) };
      },
    },
  ],
};
