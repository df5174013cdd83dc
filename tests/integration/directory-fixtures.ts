import { eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { Database, DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { organization, partnership, site } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { createSession, serializeSessionCookie } from "../../app/modules/identity/session.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { seedDirectoryDemo } from "../../app/modules/demo/seed-directory.server.ts";
import type { FiletContext } from "../../app/modules/context.ts";

/** The demo with its directory seeded, and sessions per persona, for the directory tests. */
export interface DirectoryWorld {
  handle: DatabaseHandle;
  db: Database;
  context: FiletContext;
  people: Record<string, { personId: string; accountId: string | null; partnershipId: string | null; organizationId: string | null }>;
  orgs: Record<string, string>;
  sites: Record<string, string>;
  tables: Record<string, string>;
  cookie(email: string): Promise<string>;
}

export async function createDirectoryWorld(now = new Date()): Promise<DirectoryWorld> {
  const handle = await createTestDatabase();
  const db = handle.db;
  await seedDemo(db);
  const tables = await db.select({ id: partnership.id, slug: partnership.slug }).from(partnership);
  await db.transaction(async (tx) => {
    for (const t of tables) await seedDirectoryDemo(tx, t.id, now);
  });
  const rows = await db
    .select({ email: person.email, personId: person.id, accountId: account.id, partnershipId: person.partnershipId, organizationId: person.organizationId })
    .from(person)
    .leftJoin(account, eq(account.personId, person.id));
  const orgRows = await db.select({ id: organization.id, acronym: organization.acronym }).from(organization);
  const siteRows = await db.select({ id: site.id, name: site.name }).from(site);
  // Demo mode: the MFA set-up redirect would otherwise stop coordinators before the route runs.
  const context = testContext(db, { demoMode: true });
  const people = Object.fromEntries(rows.map((r) => [r.email, r]));
  const cookies = new Map<string, string>();
  return {
    handle,
    db,
    context,
    people,
    orgs: Object.fromEntries(orgRows.map((o) => [o.acronym, o.id])),
    sites: Object.fromEntries(siteRows.map((s) => [s.name, s.id])),
    tables: Object.fromEntries(tables.map((t) => [t.slug, t.id])),
    async cookie(email) {
      const known = cookies.get(email);
      if (known) return known;
      const accountId = people[email]?.accountId;
      if (!accountId) throw new Error(`fixture: no account for ${email}`);
      const token = await createSession(db, { accountId, mfaPassed: true, ip: "127.0.0.1", userAgent: "vitest" });
      const cookie = serializeSessionCookie(token, false).split(";")[0]!;
      cookies.set(email, cookie);
      return cookie;
    },
  };
}
