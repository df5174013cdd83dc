import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { storeFile } from "../../app/modules/files/stored-files.server.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { COMMITMENT_FILE_OWNER } from "../../app/modules/partners/commitments.server.ts";
import { sendCommitmentReminders } from "../../app/modules/partners/commitment-reminders.server.ts";
import { sendUnsignedCommitmentReminders } from "../../app/modules/partners/unsigned-reminders.server.ts";
import { commitmentTextVersion, partnerCommitment, partnerContribution, partnerDelegateTerm } from "../../app/modules/partners/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import * as profileRoute from "../../app/routes/partners/$organizationId.tsx";
import * as editRoute from "../../app/routes/partners/$organizationId.edit.tsx";
import * as delegatesRoute from "../../app/routes/partners/$organizationId.delegates.tsx";
import * as matrixEditRoute from "../../app/routes/partners/matrix.$organizationId.tsx";
import * as commitmentsRoute from "../../app/routes/partners/commitments.tsx";
import * as commitmentRoute from "../../app/routes/partners/commitments.$commitmentId.tsx";
import * as documentRoute from "../../app/routes/partners/commitments.$commitmentId.document.tsx";
import * as newCommitmentRoute from "../../app/routes/partners/commitments.new.tsx";
import * as textsRoute from "../../app/routes/partners/commitments.text.tsx";
import * as textRoute from "../../app/routes/partners/commitments.text.$versionId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson, type RouteOutcome } from "../support/fixtures.ts";
import { asPageSends } from "./table-form-support.ts";

/*
 * An attacker's review of the partners pages: profiles, delegates, the contribution matrix, the
 * written commitments (text versions, signed PDFs) and their reminders. A signed-in person of
 * Table A, of one organization, or of Table B puts every id they can in the URL or the form.
 */

let handle: DatabaseHandle;
let ds: AuthzDataset;
const cookies = new Map<string, string>();
const ctx = () => testContext(handle.db);
const MISSING = "00000000-0000-4000-8000-000000000000";
const notFoundBody = { status: 404, location: null, data: { message: "not_found" } };
const strip = (o: RouteOutcome) => ({ status: o.status, location: o.location, data: o.data });
const tinyPdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let delegateOrg2: FixturePerson;
let workerB: FixturePerson;
let publishedA: string;
let draftA: string;
let publishedB: string;
let commitmentA: string; // org 1, with a signed PDF
let commitmentB: string; // Table B, with a signed PDF

const cookieOf = async (who: FixturePerson) => {
  if (!cookies.has(who.email)) cookies.set(who.email, await signIn(handle.db, who.accountId!, { activePartnershipId: who === ds.tableBCoordinator || who === workerB ? ds.tableB : ds.tableA }));
  return cookies.get(who.email)!;
};
type Fn = Parameters<typeof callRoute>[0];
const get = async (fn: Fn, who: FixturePerson, url: string, params: Record<string, string> = {}) => callRoute(fn, { url, params, cookie: await cookieOf(who), context: ctx() });
const post = async (fn: Fn, who: FixturePerson, url: string, body: Record<string, string>, params: Record<string, string> = {}) =>
  callRoute(fn, { url, params, cookie: await cookieOf(who), method: "POST", body: await asPageSends({ url, body, cookie: await cookieOf(who), context: ctx() }), context: ctx() });

/** A multipart POST (file uploads), settled like callRoute does. */
async function postMultipart(fn: (args: never) => unknown, who: FixturePerson, url: string, form: FormData, params: Record<string, string> = {}): Promise<RouteOutcome> {
  const headers = new Headers({ cookie: await cookieOf(who) });
  const request = new Request(new URL(url, "http://localhost:3000"), { method: "POST", headers, body: await asPageSends({ url, body: form, cookie: await cookieOf(who), context: ctx() }) });
  const settle = (value: unknown): RouteOutcome => {
    if (value instanceof Response) return { status: value.status, location: value.headers.get("location"), data: null };
    const d = value as { type?: string; data: unknown; init: { status?: number } | null };
    if (d && typeof d === "object" && d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, data: d.data };
    return { status: 200, location: null, data: value };
  };
  try {
    return settle(await fn({ request, params, context: ctx(), url: new URL(request.url), pattern: "" } as never));
  } catch (thrown) {
    if (!(thrown instanceof Response) && (thrown as { type?: string })?.type !== "DataWithResponseInit") throw thrown;
    return settle(thrown);
  }
}

async function auditCount(action: string): Promise<number> {
  return rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]!.n;
}

async function commitmentWithDocument(partnershipId: string, organizationId: string, textVersionId: string, endsOn: string) {
  return handle.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(partnerCommitment)
      .values({ partnershipId, organizationId, textVersionId, startsOn: "2024-01-01", endsOn, signatoryName: "Signataire Confidentiel", signedOn: "2024-01-01" })
      .returning({ id: partnerCommitment.id });
    const file = await storeFile(tx, { partnershipId, organizationId, ownerType: COMMITMENT_FILE_OWNER, ownerId: c!.id }, { fileName: "entente.pdf", mediaType: "application/pdf", bytes: tinyPdf }, null);
    await tx.update(partnerCommitment).set({ documentFileId: file.id }).where(eq(partnerCommitment.id, c!.id));
    return c!.id;
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ds = await createAuthzDataset(db);
  delegateOrg2 = await createPerson(db, { partnershipId: ds.tableA, organizationId: ds.org2, email: "delegate-org2@a.filet.test", roles: [{ role: "table_member" }] });
  workerB = await createPerson(db, { partnershipId: ds.tableB, organizationId: ds.orgB, email: "worker@b.filet.test", roles: [{ role: "worker" }] });
  const text = { titleFr: "Engagement", titleEn: "Commitment", bodyFr: "Nous nous engageons.", bodyEn: "We commit." };
  const [pa] = await db.insert(commitmentTextVersion).values({ partnershipId: ds.tableA, number: 1, status: "published", publishedAt: new Date(), ...text }).returning();
  const [da] = await db.insert(commitmentTextVersion).values({ partnershipId: ds.tableA, number: 2, status: "draft", ...text, bodyFr: "Brouillon secret" }).returning();
  const [pb] = await db.insert(commitmentTextVersion).values({ partnershipId: ds.tableB, number: 1, status: "published", publishedAt: new Date(), ...text }).returning();
  publishedA = pa!.id;
  draftA = da!.id;
  publishedB = pb!.id;
  commitmentA = await commitmentWithDocument(ds.tableA, ds.org1, publishedA, "2099-12-31");
  commitmentB = await commitmentWithDocument(ds.tableB, ds.orgB, publishedB, "2099-12-31");
});
afterAll(async () => {
  await handle?.close();
});

describe("partner profiles", () => {
  it("another Table's organization reads like a missing one, on the profile, its edit form and its matrix row", async () => {
    const c = ds.people.table_coordinator;
    for (const id of [ds.orgB, MISSING]) {
      expect(strip(await get(profileRoute.loader, c, `/partners/${id}`, { organizationId: id }))).toEqual(notFoundBody);
      expect(strip(await get(editRoute.loader, c, `/partners/${id}/edit`, { organizationId: id }))).toEqual(notFoundBody);
      expect(strip(await post(editRoute.action, c, `/partners/${id}/edit`, { version: "1", mission: "Pris" }, { organizationId: id }))).toEqual(notFoundBody);
      expect(strip(await post(matrixEditRoute.action, c, `/partners/matrix/${id}`, { prevention: "Pris" }, { organizationId: id }))).toEqual(notFoundBody);
      expect(strip(await post(delegatesRoute.action, c, `/partners/${id}/delegates`, { intent: "add", personId: ds.personB.personId, kind: "delegate", since: "2024-01-01" }, { organizationId: id }))).toEqual(notFoundBody);
    }
    // A malformed id is a 404 too (never a 500).
    expect(strip(await get(profileRoute.loader, c, "/partners/x", { organizationId: "'; drop table organization; --" }))).toEqual(notFoundBody);
    const [b] = await handle.db.select().from(organization).where(eq(organization.id, ds.orgB));
    expect(b!.mission).not.toBe("Pris");
    expect(await handle.db.select().from(partnerContribution).where(eq(partnerContribution.organizationId, ds.orgB))).toEqual([]);
  });

  it("a delegate or pivot coordinator edits only their own organization's profile and matrix row (denials audited)", async () => {
    const before = await auditCount("access.denied");
    for (const who of [ds.people.table_member, ds.people.pivot_coordinator]) {
      expect(strip(await get(editRoute.loader, who, `/partners/${ds.org2}/edit`, { organizationId: ds.org2 }))).toEqual(notFoundBody);
      expect(strip(await post(editRoute.action, who, `/partners/${ds.org2}/edit`, { version: "1", mission: "Pris" }, { organizationId: ds.org2 }))).toEqual(notFoundBody);
    }
    expect(strip(await post(matrixEditRoute.action, ds.people.table_member, `/partners/matrix/${ds.org2}`, { prevention: "Pris" }, { organizationId: ds.org2 }))).toEqual(notFoundBody);
    expect(await auditCount("access.denied")).toBe(before + 5);
    const [o2] = await handle.db.select().from(organization).where(eq(organization.id, ds.org2));
    expect(o2!.mission).not.toBe("Pris");
    // Their own: allowed, audited with the changed fields only (not their text).
    const own = await post(editRoute.action, ds.people.table_member, `/partners/${ds.org1}/edit`, { version: "1", mission: "Notre mission" }, { organizationId: ds.org1 });
    expect(own.status, JSON.stringify(own.data)).toBe(302);
    const [event] = rowsOf<{ details: unknown }>(await handle.db.execute(sql`select details from audit_event where action = 'partner.profile.updated' order by id desc limit 1`));
    expect(event!.details).toEqual({ fields: ["mission"] });
    // A stale version is a conflict, not an overwrite.
    expect((await post(editRoute.action, ds.people.table_member, `/partners/${ds.org1}/edit`, { version: "1", mission: "Écrasé" }, { organizationId: ds.org1 })).status).toBe(409);
  });

  it("over-long texts are refused; a worker cannot edit anything", async () => {
    const c = ds.people.table_coordinator;
    expect((await post(editRoute.action, c, `/partners/${ds.org1}/edit`, { version: "2", mission: "x".repeat(2001) }, { organizationId: ds.org1 })).status).toBe(400);
    expect((await post(editRoute.action, c, `/partners/${ds.org1}/edit`, { version: "2", territory: "x".repeat(301) }, { organizationId: ds.org1 })).status).toBe(400);
    expect((await post(editRoute.action, c, `/partners/${ds.org1}/edit`, { version: "-1", mission: "ok" }, { organizationId: ds.org1 })).status).toBe(400);
    expect((await post(matrixEditRoute.action, c, `/partners/matrix/${ds.org1}`, { prevention: "x".repeat(5000) }, { organizationId: ds.org1 })).status).toBe(400);
    for (const [fn, url] of [
      [editRoute.action, `/partners/${ds.org1}/edit`],
      [matrixEditRoute.action, `/partners/matrix/${ds.org1}`],
      [delegatesRoute.action, `/partners/${ds.org1}/delegates`],
    ] as const) {
      expect(strip(await post(fn, ds.people.worker, url, { version: "2", mission: "x" }, { organizationId: ds.org1 })), url).toEqual(notFoundBody);
    }
  });
});

describe("delegate terms", () => {
  const url = (org: string) => `/partners/${org}/delegates`;

  it("a person of another organization or Table cannot be named delegate; impossible dates and unknown intents are refused", async () => {
    const c = ds.people.table_coordinator;
    const add = (body: Record<string, string>) => post(delegatesRoute.action, c, url(ds.org1), { intent: "add", kind: "delegate", since: "2024-01-01", ...body }, { organizationId: ds.org1 });
    for (const personId of [ds.personOrg2.personId, ds.personB.personId, MISSING]) {
      expect((await add({ personId })).status, personId).toBe(400);
    }
    // Impossible dates: a day that does not exist, and a month 13 (once a 500: Invalid Date threw).
    for (const since of ["2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00"]) expect((await add({ personId: ds.personOrg1.personId, since })).status, since).toBe(400);
    expect((await add({ personId: ds.personOrg1.personId, until: "2024-13-45" })).status).toBe(400);
    expect((await add({ personId: ds.personOrg1.personId, kind: "president" })).status).toBe(400);
    expect((await add({ personId: ds.personOrg1.personId, note: "x".repeat(301) })).status).toBe(400);
    expect((await add({ personId: ds.personOrg1.personId, intent: "purge" })).status).toBe(400);
    expect(await handle.db.select().from(partnerDelegateTerm).where(eq(partnerDelegateTerm.organizationId, ds.org1))).toEqual([]);
  });

  it("a term of another organization cannot be ended through this one's page", async () => {
    const c = ds.people.table_coordinator;
    const added = await post(delegatesRoute.action, c, url(ds.org2), { intent: "add", personId: ds.personOrg2.personId, kind: "substitute", since: "2024-01-01" }, { organizationId: ds.org2 });
    expect(added.status).toBe(302);
    const [term] = await handle.db.select().from(partnerDelegateTerm).where(eq(partnerDelegateTerm.organizationId, ds.org2));
    expect(strip(await post(delegatesRoute.action, c, url(ds.org1), { intent: "end", termId: term!.id, until: "2024-06-01" }, { organizationId: ds.org1 }))).toEqual(notFoundBody);
    expect(strip(await post(delegatesRoute.action, ds.tableBCoordinator, url(ds.org2), { intent: "end", termId: term!.id, until: "2024-06-01" }, { organizationId: ds.org2 }))).toEqual(notFoundBody);
    const [still] = await handle.db.select().from(partnerDelegateTerm).where(eq(partnerDelegateTerm.id, term!.id));
    expect(still!.until).toBeNull();
    // Only the coordinator manages terms: the organization's own delegate does not.
    expect(strip(await post(delegatesRoute.action, delegateOrg2, url(ds.org2), { intent: "end", termId: term!.id, until: "2024-06-01" }, { organizationId: ds.org2 }))).toEqual(notFoundBody);
  });
});

describe("written commitments", () => {
  it("another Table's commitment and its signed PDF read like missing ones", async () => {
    for (const who of [ds.people.table_coordinator, ds.people.table_member]) {
      expect(strip(await get(commitmentRoute.loader, who, `/partners/commitments/${commitmentB}`, { commitmentId: commitmentB }))).toEqual(notFoundBody);
      expect(strip(await get(documentRoute.loader, who, `/partners/commitments/${commitmentB}/document`, { commitmentId: commitmentB }))).toEqual(notFoundBody);
    }
    expect(strip(await get(documentRoute.loader, ds.tableBCoordinator, `/x`, { commitmentId: commitmentA }))).toEqual(notFoundBody);
    expect(strip(await get(documentRoute.loader, ds.people.table_coordinator, `/x`, { commitmentId: MISSING }))).toEqual(notFoundBody);
    // Their own Table's: a PDF, always as an attachment.
    const ok = (await documentRoute.loader({ request: new Request("http://localhost:3000/x", { headers: { cookie: await cookieOf(ds.people.table_member) } }), params: { commitmentId: commitmentA }, context: ctx() } as never)) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
  });

  it("members without commitment.read (worker, pivot, trainer…) get 404 on the list, a commitment and its PDF", async () => {
    for (const role of ["worker", "pivot", "pivot_coordinator", "trainer", "observer", "evaluator", "privacy_officer"] as const) {
      const who = ds.people[role];
      expect(strip(await get(commitmentsRoute.loader, who, "/partners/commitments")), role).toEqual(notFoundBody);
      expect(strip(await get(commitmentRoute.loader, who, "/x", { commitmentId: commitmentA })), role).toEqual(notFoundBody);
      expect(strip(await get(documentRoute.loader, who, "/x", { commitmentId: commitmentA })), role).toEqual(notFoundBody);
    }
  });

  it("recording a commitment for another Table's organization, or on a draft or another Table's text, is refused", async () => {
    const c = ds.people.table_coordinator;
    const form = (over: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ organizationId: ds.org2, textVersionId: publishedA, startsOn: "2025-01-01", endsOn: "2027-01-01", signatoryName: "Quelqu'un", signatoryTitle: "", signedOn: "2025-01-01", ...over })) f.set(k, v);
      return f;
    };
    const cases: Record<string, string>[] = [{ organizationId: ds.orgB }, { organizationId: MISSING }, { textVersionId: draftA }, { textVersionId: publishedB }, { endsOn: "2024-01-01" }, { signedOn: "2025-13-01" }, { signatoryName: "x".repeat(161) }];
    for (const over of cases) {
      expect((await postMultipart(newCommitmentRoute.action, c, "/partners/commitments/new", form(over))).status, JSON.stringify(over)).toBe(400);
    }
    // A file that is not a PDF (judged from its bytes) is refused, whatever its name.
    const html = form({});
    html.set("document", new File([new TextEncoder().encode("<html><script>alert(1)</script></html>")], "entente.pdf", { type: "application/pdf" }));
    expect((await postMultipart(newCommitmentRoute.action, c, "/partners/commitments/new", html)).status).toBe(400);
    expect(await handle.db.select().from(partnerCommitment).where(eq(partnerCommitment.organizationId, ds.org2))).toEqual([]);
    // A delegate (commitment.read only) cannot record one.
    expect(strip(await postMultipart(newCommitmentRoute.action, ds.people.table_member, "/partners/commitments/new", form({})))).toEqual(notFoundBody);
  });

  it("attaching a PDF to another Table's commitment reads like a missing one; a delegate cannot attach", async () => {
    const pdf = () => {
      const f = new FormData();
      f.set("document", new File([tinyPdf], "remplacement.pdf"));
      return f;
    };
    expect(strip(await postMultipart(commitmentRoute.action, ds.people.table_coordinator, "/x", pdf(), { commitmentId: commitmentB }))).toEqual(notFoundBody);
    expect(strip(await postMultipart(commitmentRoute.action, ds.people.table_member, "/x", pdf(), { commitmentId: commitmentA }))).toEqual(notFoundBody);
    const [b] = await handle.db.select().from(partnerCommitment).where(eq(partnerCommitment.id, commitmentB));
    const [a] = await handle.db.select().from(partnerCommitment).where(eq(partnerCommitment.id, commitmentA));
    expect(await auditCount("partner.commitment.document_attached")).toBe(0);
    expect(b!.documentFileId).not.toBeNull();
    expect(a!.documentFileId).not.toBeNull();
  });
});

describe("the commitment text", () => {
  it("a draft is read only by the coordinator; another Table's version reads like a missing one", async () => {
    expect(strip(await get(textRoute.loader, ds.people.table_member, "/x", { versionId: draftA }))).toEqual(notFoundBody);
    expect((await get(textRoute.loader, ds.people.table_coordinator, "/x", { versionId: draftA })).status).toBe(200);
    expect(strip(await get(textRoute.loader, ds.people.table_coordinator, "/x", { versionId: publishedB }))).toEqual(notFoundBody);
    const list = await get(textsRoute.loader, ds.people.table_member, "/partners/commitments/text");
    expect(JSON.stringify(list.data)).not.toContain("Brouillon secret");
    expect((list.data as { versions: { id: string }[] }).versions.map((v) => v.id)).toEqual([publishedA]);
  });

  it("publishing another Table's version is a 404; unknown intents, malformed ids and over-long texts are refused", async () => {
    const c = ds.people.table_coordinator;
    expect(strip(await post(textsRoute.action, c, "/partners/commitments/text", { intent: "publish", versionId: publishedB }))).toEqual(notFoundBody);
    expect(strip(await post(textsRoute.action, c, "/partners/commitments/text", { intent: "publish", versionId: "nope" }))).toEqual(notFoundBody);
    const text = { titleFr: "T", titleEn: "T", bodyFr: "B", bodyEn: "B", changeNote: "" };
    expect((await post(textsRoute.action, c, "/partners/commitments/text", { intent: "archive", ...text })).status).toBe(400);
    expect((await post(textsRoute.action, c, "/partners/commitments/text", { ...text })).status).toBe(400);
    expect((await post(textsRoute.action, c, "/partners/commitments/text", { intent: "save", ...text, bodyFr: "x".repeat(20_001) })).status).toBe(400);
    const [draft] = await handle.db.select().from(commitmentTextVersion).where(eq(commitmentTextVersion.id, draftA));
    expect(draft!.bodyFr).toBe("Brouillon secret");
    // A delegate reads the versions but writes nothing (denial audited).
    const before = await auditCount("access.denied");
    expect(strip(await post(textsRoute.action, ds.people.table_member, "/partners/commitments/text", { intent: "publish", versionId: draftA }))).toEqual(notFoundBody);
    expect(await auditCount("access.denied")).toBe(before + 1);
    const [still] = await handle.db.select().from(commitmentTextVersion).where(eq(commitmentTextVersion.id, draftA));
    expect(still!.status).toBe("draft");
  });
});

describe("reminders", () => {
  it("carry a notice and a link, never an organization's name, a signatory or a person's name; one Table's never reach another's people", async () => {
    await handle.db.update(partnerCommitment).set({ endsOn: "2026-03-10" }).where(eq(partnerCommitment.id, commitmentA));
    const now = new Date("2026-03-01T12:00:00Z");
    expect(await sendCommitmentReminders(handle.db, { now, publicUrl: "https://filet.example" })).toBeGreaterThanOrEqual(1);
    expect(await sendUnsignedCommitmentReminders(handle.db, { now, publicUrl: "https://filet.example" })).toBeGreaterThanOrEqual(1);
    const mails = await handle.db.select().from(emailMessage);
    expect(mails.length).toBeGreaterThan(0);
    const names = ["Organisme", "Organization One", "Organization Two", "Signataire", "table_member", "Una", "Deux", "Bea"];
    for (const m of mails) {
      for (const n of names) expect(`${m.subject}\n${m.textBody}\n${m.htmlBody}`, n).not.toContain(n);
      expect(m.textBody).toContain("https://filet.example/partners/commitments");
      if (m.partnershipId === ds.tableA) expect(m.toAddress).not.toMatch(/@b\.filet\.test$/);
    }
    // Recipients of Table A's reminders: its coordinator and the organization's delegates, not the others.
    const toA = new Set(mails.filter((m) => m.partnershipId === ds.tableA).map((m) => m.toAddress));
    expect(toA.has(ds.people.table_coordinator.email)).toBe(true);
    expect(toA.has(ds.people.worker.email)).toBe(false);
    expect(toA.has(ds.tableBCoordinator.email)).toBe(false);
    const reminded = await handle.db.select().from(partnerCommitment).where(and(eq(partnerCommitment.id, commitmentA)));
    expect(reminded[0]!.dueReminderSentAt).not.toBeNull();
  });
});
