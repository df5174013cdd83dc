import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { organization, partnership, site } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { hashPassword } from "../identity/password.server.ts";
import { demoAdmin, type DemoPerson, type DemoTable } from "./demo-data.ts";
import { quebecTable } from "./demo-quebec.ts";
import { DEMO_PASSWORD, demoTables, isDemoSeeded } from "./demo-accounts.server.ts";
import { seedDirectoryDemo } from "./seed-directory.server.ts";
import { seedActivitiesDemo } from "./seed-activities.server.ts";
import { seedConsultationsDemo } from "./seed-consultations.server.ts";
import { seedTrainingDemo } from "./seed-training.server.ts";
import { seedGuideDemo } from "./seed-guide.server.ts";
import { seedMeetingsDemo } from "./seed-meetings.server.ts";
import { seedTrainingEvaluationDemo } from "./seed-training-evaluation.server.ts";
import { seedPartnersDemo } from "./seed-partners.server.ts";
import { seedTableWorkDemo } from "./seed-table-work.server.ts";
import { seedIndicatorTargetsDemo } from "./seed-indicator-targets.server.ts";
import { seedEvaluationReportsDemo } from "./seed-evaluation-reports.server.ts";
import { seedPrivacyDemo } from "./seed-privacy.server.ts";
import { seedForumDemo } from "./seed-forum.server.ts";
import { seedSubjectThreadsDemo } from "./seed-subject-threads.server.ts";
import { seedProposalsDemo } from "./seed-proposals.server.ts";
import { seedNewsDemo } from "./seed-news.server.ts";
import { seedStatisticsDemo } from "./seed-statistics.server.ts";
import { seedSurveysDemo } from "./seed-surveys.server.ts";
import { ensureDefaultPathway } from "../pathway/ensure-default-pathway.server.ts";
import { seedSsoDemo } from "./seed-sso.server.ts";

export { DEMO_PASSWORD, demoAccounts, demoTables, isDemoSeeded } from "./demo-accounts.server.ts";

const personas: DemoPerson[] = [demoAdmin, ...demoTables.flatMap((t) => t.people)].filter((p) => p.account);

const SEED_SOURCE = "demo-seed";

/** publicUrl: where the demo's emailed links (the open survey's invitation) lead. */
export interface SeedOptions {
  publicUrl: string;
}
const SEED_LOCK = 7_412_000_003;

async function insertPerson(
  tx: Database,
  data: DemoPerson,
  scope: { partnershipId: string | null; orgIds: Map<string, string>; siteIds: Map<string, string> },
  passwordHashes: Map<string, string>,
) {
  const organizationId = data.org ? scope.orgIds.get(data.org) : undefined;
  if (data.org && !organizationId) throw new Error(`demo data: unknown organization ${data.org}`);
  const siteId = data.site ? scope.siteIds.get(data.site) : undefined;
  if (data.site && !siteId) throw new Error(`demo data: unknown site ${data.site}`);
  const [row] = await tx
    .insert(person)
    .values({
      partnershipId: scope.partnershipId,
      organizationId: organizationId ?? null,
      siteId: siteId ?? null,
      givenName: data.givenName,
      familyName: data.familyName,
      title: data.title,
      email: data.email,
      phone: data.phone ?? "",
      languages: data.languages ?? ["fr"],
    })
    .returning({ id: person.id });
  const personId = row!.id;
  if (data.account) {
    await tx.insert(account).values({
      personId,
      email: data.email.toLowerCase(),
      passwordHash: passwordHashes.get(data.email)!,
      status: "active",
      locale: data.account.locale ?? "fr",
      approvedAt: new Date(),
    });
  }
  for (const held of data.roles) {
    const roleOrg = held.org ? scope.orgIds.get(held.org) : null;
    if (held.org && !roleOrg) throw new Error(`demo data: unknown organization ${held.org}`);
    await tx.insert(roleAssignment).values({
      personId,
      role: held.role,
      partnershipId: held.role === "platform_admin" ? null : scope.partnershipId,
      organizationId: roleOrg ?? null,
    });
  }
}

async function seedTable(tx: Database, table: DemoTable, passwordHashes: Map<string, string>, pivotPasswordHash: string, options: SeedOptions) {
  const [created] = await tx
    .insert(partnership)
    .values({
      slug: table.slug,
      nameFr: table.nameFr,
      nameEn: table.nameEn,
      region: table.region,
      dpjPhone: table.dpjPhone,
      foundedOn: table.foundedOn,
      settings: { contact: table.contact },
    })
    .returning({ id: partnership.id });
  const partnershipId = created!.id;
  const orgIds = new Map<string, string>();
  const siteIds = new Map<string, string>();
  for (const { key, sites, ...fields } of table.organizations) {
    const [org] = await tx
      .insert(organization)
      .values({ ...fields, partnershipId })
      .returning({ id: organization.id });
    orgIds.set(key, org!.id);
    for (const { key: siteKey, ...siteFields } of sites ?? []) {
      const [row] = await tx
        .insert(site)
        .values({ ...siteFields, partnershipId, organizationId: org!.id })
        .returning({ id: site.id });
      siteIds.set(siteKey, row!.id);
    }
  }
  for (const p of table.people) await insertPerson(tx, p, { partnershipId, orgIds, siteIds }, passwordHashes);
  // The pivot network's story: designations first (the others refer to the pivots).
  await seedDirectoryDemo(tx, partnershipId, new Date(), pivotPasswordHash);
  await ensureDefaultPathway(tx, partnershipId);
  await seedActivitiesDemo(tx, partnershipId);
  await seedConsultationsDemo(tx, partnershipId);
  await seedTrainingDemo(tx, partnershipId);
  await seedGuideDemo(tx, partnershipId);
  await seedMeetingsDemo(tx, partnershipId);
  await seedTrainingEvaluationDemo(tx, partnershipId);
  await seedPartnersDemo(tx, partnershipId);
  await seedTableWorkDemo(tx, partnershipId);
  await seedIndicatorTargetsDemo(tx, partnershipId);
  await seedEvaluationReportsDemo(tx, partnershipId);
  await seedPrivacyDemo(tx, partnershipId);
  await seedSsoDemo(tx, partnershipId);
  await seedForumDemo(tx, partnershipId);
  await seedSubjectThreadsDemo(tx, partnershipId);
  await seedProposalsDemo(tx, partnershipId);
  await seedNewsDemo(tx, partnershipId);
  await seedStatisticsDemo(tx, partnershipId);
  await seedSurveysDemo(tx, partnershipId, { publicUrl: options.publicUrl, now: new Date() });
  await recordAuditEvent(tx, systemActor(SEED_SOURCE, partnershipId), {
    action: "demo.seeded",
    targetType: "partnership",
    targetId: partnershipId,
    details: {
      slug: table.slug,
      organizations: orgIds.size,
      sites: siteIds.size,
      people: table.people.length,
      accounts: table.people.filter((p) => p.account).map((p) => p.email),
    },
  });
}

/** True once the demo's main Table exists. */

/**
 * Creates the demo of SPEC §6 in one transaction, audited. Does nothing when the demo Table
 * already exists, so every start of a demo installation may call it.
 */
export async function seedDemo(db: Database, options: Partial<SeedOptions> = {}): Promise<void> {
  const seedOptions: SeedOptions = { publicUrl: options.publicUrl ?? "http://localhost:3000" };
  if (await isDemoSeeded(db)) return;
  // Hashing is slow on purpose: done before the transaction so it holds no lock meanwhile.
  const passwordHashes = new Map<string, string>();
  for (const p of personas) passwordHashes.set(p.email, await hashPassword(DEMO_PASSWORD));
  const pivotPasswordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    // Two processes starting together on one PostgreSQL: the second waits, then finds the demo.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const again = await tx.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug));
    if (again.length) return;
    for (const table of demoTables) await seedTable(tx, table, passwordHashes, pivotPasswordHash, seedOptions);
    await insertPerson(tx, demoAdmin, { partnershipId: null, orgIds: new Map(), siteIds: new Map() }, passwordHashes);
    await recordAuditEvent(tx, systemActor(SEED_SOURCE), {
      action: "demo.seeded",
      targetType: "account",
      details: { accounts: [demoAdmin.email], role: "platform_admin" },
    });
  });
}
