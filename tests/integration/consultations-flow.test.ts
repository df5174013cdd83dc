import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server.ts";
import { consultation, consultationMessage } from "../../app/modules/consultations/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import * as newRoute from "../../app/routes/consultations/new.tsx";
import * as threadRoute from "../../app/routes/consultations/$consultationId.tsx";
import * as listRoute from "../../app/routes/consultations/_index.tsx";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { countPivotActivities } from "../../app/modules/pivot-activities/list-pivot-activities.server.ts";
import { pivotActivity } from "../../app/modules/pivot-activities/tables.ts";
import { quebecDay } from "../../app/modules/time/days.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { call, CJQ_PIVOT, createWorld, expectNotFound, SPVQ_COORD, TRAINER, WORKER, type World } from "./consultations-fixtures.ts";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.handle.close();
});

const PHONE = "418 555-0199";
const NAM = "TREJ 0912 3456";

function newForm(overrides: Record<string, string> = {}) {
  return {
    _submission: crypto.randomUUID(),
    subject: "Cadeaux d'un adulte à une jeune de 15 ans",
    context: "Une élève de 15 ans reçoit des cadeaux coûteux d'un homme plus âgé rencontré en ligne.",
    question: "Est-ce que cela justifie un signalement à la DPJ, et comment en parler avec elle?",
    urgency: "normal",
    ...overrides,
  };
}

/** Every text column of every table, searched for a string: the proof nothing stored it. */
async function storedAnywhere(needle: string): Promise<string[]> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await world.db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`),
  );
  const hits: string[] = [];
  for (const c of columns) {
    const [row] = rowsOf<{ n: number }>(
      await world.db.execute(sql.raw(`select count(*)::int as n from "${c.table_name}" where "${c.column_name}"::text like '%${needle.replace(/'/g, "''")}%'`)),
    );
    if (Number(row?.n) > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

async function auditCount(action: string, targetId?: string): Promise<number> {
  const rows = await world.db
    .select({ id: auditEvent.id })
    .from(auditEvent)
    .where(targetId ? and(eq(auditEvent.action, action), eq(auditEvent.targetId, targetId)) : eq(auditEvent.action, action));
  return rows.length;
}

async function createAs(email: string, query: string, form = newForm()) {
  return call(world, newRoute.action as never, { email, path: `/consultations/new?${query}`, form: { ...form, ...Object.fromEntries(new URLSearchParams(query)) } });
}

describe("asking a pivot for advice", () => {
  it("sends back a text with a phone number and a health-insurance number, highlighted, and stores nothing", async () => {
    const before = await world.db.select({ id: consultation.id }).from(consultation);
    const pivotId = world.people[CJQ_PIVOT]!.personId;
    const o = await createAs(WORKER, `pivot=${pivotId}`, newForm({ context: `On peut la joindre au ${PHONE}; sa carte RAMQ ${NAM} était dans son sac.` }));
    expect(o.status).toBe(400);
    const data = o.data as { findings: Record<string, { kind: string; text: string }[]>; values: Record<string, string> };
    expect(data.findings.context?.map((f) => [f.kind, f.text])).toEqual([
      ["phone", PHONE],
      ["health_insurance_number", NAM],
    ]);
    // The text comes back for editing.
    expect(data.values.context).toContain(PHONE);
    expect(await world.db.select({ id: consultation.id }).from(consultation)).toEqual(before);
    expect(await storedAnywhere(PHONE)).toEqual([]);
    expect(await storedAnywhere("0912 3456")).toEqual([]);
  });

  it("creates the consultation, audits it and tells the pivot by email without any of its text", async () => {
    const pivotId = world.people[CJQ_PIVOT]!.personId;
    const form = newForm({ subject: "Sujet confidentiel numéro un" });
    const o = await createAs(WORKER, `pivot=${pivotId}`, form);
    expect(o.status).toBe(302);
    const id = o.location!.split("/").pop()!.split("?")[0]!;
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    expect(row).toMatchObject({ status: "new", targetPersonId: pivotId, askerPersonId: world.people[WORKER]!.personId, urgency: "normal" });
    expect(row!.targetOrganizationId).toBe(world.orgs["CJQ-IU"]);
    expect(await auditCount("consultation.created", id)).toBe(1);
    const mails = await world.db.select().from(emailMessage).where(eq(emailMessage.toAddress, CJQ_PIVOT));
    const mail = mails.find((m) => m.textBody.includes(id));
    expect(mail?.subject).toBe("Vous avez une nouvelle consultation");
    expect(mail!.textBody).toContain(`/consultations/${id}`);
    for (const text of [form.subject, form.context, form.question, "confidentiel"]) {
      expect(mail!.textBody).not.toContain(text);
      expect(mail!.subject).not.toContain(text);
    }
  });

  it("creates one consultation when the same form is posted twice", async () => {
    const pivotId = world.people[CJQ_PIVOT]!.personId;
    const form = newForm();
    const before = (await world.db.select({ id: consultation.id }).from(consultation)).length;
    const first = await createAs(WORKER, `pivot=${pivotId}`, form);
    const second = await createAs(WORKER, `pivot=${pivotId}`, form);
    expect(first.status).toBe(302);
    expect(second.location).toBe(first.location);
    expect((await world.db.select({ id: consultation.id }).from(consultation)).length).toBe(before + 1);
  });

  it("refuses a target that is not a current pivot of the Table", async () => {
    const notPivot = world.people[TRAINER]!.personId;
    expectNotFound(await createAs(WORKER, `pivot=${notPivot}`));
    expectNotFound(await call(world, newRoute.loader as never, { email: WORKER, path: `/consultations/new?pivot=${notPivot}` }));
    expectNotFound(await call(world, newRoute.loader as never, { email: WORKER, path: `/consultations/new?organization=${world.orgs["JEFAR"]}` }));
  });

  it("delivers it to a pivot without an account as an invitation that says only that a consultation awaits", async () => {
    const newcomer = "pivot.nouvelle@filet.test";
    const organizationId = world.orgs["CSSS VC"]!;
    const [org] = await world.db.select({ partnershipId: organization.partnershipId }).from(organization).where(eq(organization.id, organizationId));
    const [row] = await world.db
      .insert(person)
      .values({ partnershipId: org!.partnershipId, organizationId, givenName: "Nouvelle", familyName: "Pivot", email: newcomer })
      .returning({ id: person.id });
    const pivotId = row!.id;
    await world.db.insert(pivotDesignation).values({ partnershipId: org!.partnershipId, organizationId, personId: pivotId, since: "2020-01-01" });
    const page = await call(world, newRoute.loader as never, { email: WORKER, path: `/consultations/new?pivot=${pivotId}` });
    expect((page.data as { reachable: boolean }).reachable).toBe(true);
    const form = newForm({ subject: "Sujet confidentiel numéro deux" });
    const o = await createAs(WORKER, `pivot=${pivotId}`, form);
    expect(o.status).toBe(302);
    const [invited] = await world.db.select().from(account).where(eq(account.personId, pivotId));
    expect(invited).toMatchObject({ status: "invited", email: newcomer });
    const mails = await world.db.select().from(emailMessage).where(eq(emailMessage.toAddress, newcomer));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Une consultation vous attend sur Filet");
    expect(mails[0]!.textBody).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}/);
    for (const text of [form.subject, form.context, form.question, "confidentiel", "/consultations/"]) {
      expect(mails[0]!.textBody).not.toContain(text);
      expect(mails[0]!.subject).not.toContain(text);
    }
    expect(await auditCount("account.invited", invited!.id)).toBe(1);
  });

  it("offers no form for a pivot Filet cannot write to (no account, no email)", async () => {
    const organizationId = world.orgs["CSSS VC"]!;
    const [o] = await world.db.select({ partnershipId: organization.partnershipId }).from(organization).where(eq(organization.id, organizationId));
    const [silent] = await world.db
      .insert(person)
      .values({ partnershipId: o!.partnershipId, organizationId, givenName: "Sans", familyName: "Courriel", email: "" })
      .returning({ id: person.id });
    await world.db.insert(pivotDesignation).values({ partnershipId: o!.partnershipId, organizationId, personId: silent!.id, since: "2020-01-01" });
    const page = await call(world, newRoute.loader as never, { email: WORKER, path: `/consultations/new?pivot=${silent!.id}` });
    expect(page.status).toBe(200);
    expect((page.data as { reachable: boolean }).reachable).toBe(false);
    const refused = await createAs(WORKER, `pivot=${silent!.id}`);
    expect(refused.status).toBe(400);
    expect((refused.data as { formError: string }).formError).toBe("consultations.new.unreachable");
  });
});

describe("the thread: new → taken → answered → closed", () => {
  let id: string;
  const path = () => `/consultations/${id}`;
  const thread = (email: string, form?: Record<string, string>) =>
    call(world, (form ? threadRoute.action : threadRoute.loader) as never, { email, path: path(), params: { consultationId: id }, form });
  const version = async () => (await world.db.select().from(consultation).where(eq(consultation.id, id)))[0]!.version;

  beforeAll(async () => {
    const o = await createAs(WORKER, `pivot=${world.people[SPVQ_COORD]!.personId}`);
    id = o.location!.split("/").pop()!.split("?")[0]!;
  });

  it("is read by the asker and the addressed pivot, every read audited", async () => {
    const before = await auditCount("consultation.read", id);
    const asker = await thread(WORKER);
    expect(asker.status).toBe(200);
    expect((asker.data as { thread: { side: string } }).thread.side).toBe("asker");
    const pivot = await thread(SPVQ_COORD);
    expect((pivot.data as { thread: { side: string; status: string } }).thread).toMatchObject({ side: "responder", status: "new" });
    expect(await auditCount("consultation.read", id)).toBe(before + 2);
  });

  it("answers 404 to a third organization's user, records the denial, and reveals nothing", async () => {
    const denied = await auditCount("access.denied", id);
    const o = await thread(TRAINER);
    expectNotFound(o);
    expect(JSON.stringify(o.data)).not.toContain("Cadeaux");
    expect(await auditCount("access.denied", id)).toBe(denied + 1);
    // Exactly like an id that does not exist.
    const missing = await call(world, threadRoute.loader as never, { email: TRAINER, path: "/consultations/x", params: { consultationId: crypto.randomUUID() } });
    expect(missing).toEqual(o);
    expectNotFound(await thread(TRAINER, { intent: "reply", _submission: crypto.randomUUID(), body: "Bonjour" }));
    expectNotFound(await thread(TRAINER, { intent: "close", version: String(await version()) }));
    expect(await world.db.select().from(consultationMessage).where(eq(consultationMessage.consultationId, id))).toHaveLength(0);
  });

  it("does not let the asker take it", async () => {
    expectNotFound(await thread(WORKER, { intent: "take", version: String(await version()) }));
  });

  it("is taken by the pivot; a stale version is a conflict", async () => {
    const v = await version();
    const o = await thread(SPVQ_COORD, { intent: "take", version: String(v) });
    expect(o.status).toBe(302);
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    expect(row).toMatchObject({ status: "taken", takenByPersonId: world.people[SPVQ_COORD]!.personId });
    const again = await thread(SPVQ_COORD, { intent: "take", version: String(v) });
    expect(again.status).toBe(409);
    expect((again.data as { formError: string }).formError).toBe("form.conflict");
  });

  it("refuses a reply with identifying details and stores nothing", async () => {
    const o = await thread(SPVQ_COORD, { intent: "reply", _submission: crypto.randomUUID(), body: `Appelez-moi au ${PHONE}.` });
    expect(o.status).toBe(400);
    expect((o.data as { findings: Record<string, unknown[]> }).findings.body).toHaveLength(1);
    expect(await storedAnywhere(PHONE)).toEqual([]);
  });

  it("is answered by the pivot's first reply, which stamps the response time and emails the asker without content", async () => {
    const body = "Oui, consultez la DPJ sans tarder; la démarche protège la jeune.";
    const o = await thread(SPVQ_COORD, { intent: "reply", _submission: crypto.randomUUID(), body });
    expect(o.status).toBe(302);
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    expect(row!.status).toBe("answered");
    expect(row!.firstResponseAt).toBeInstanceOf(Date);
    const mails = (await world.db.select().from(emailMessage).where(eq(emailMessage.toAddress, WORKER))).filter((m) => m.textBody.includes(id));
    expect(mails.map((m) => m.subject)).toContain("Nouveau message dans une consultation");
    for (const m of mails) expect(m.textBody).not.toContain("DPJ sans tarder");
    const read = await thread(WORKER);
    expect((read.data as { thread: { messages: { body: string; fromAsker: boolean }[] } }).thread.messages).toEqual([
      expect.objectContaining({ body, fromAsker: false }),
    ]);
  });

  it("keeps the first response time when the asker and the pivot write again", async () => {
    const [before] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    await thread(WORKER, { intent: "reply", _submission: crypto.randomUUID(), body: "Merci, je la rencontre demain avec la direction." });
    await thread(SPVQ_COORD, { intent: "reply", _submission: crypto.randomUUID(), body: "Parfait, tenez-moi au courant." });
    const [after] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    expect(after!.firstResponseAt).toEqual(before!.firstResponseAt);
    expect(after!.status).toBe("answered");
  });

  it("counts the answer in the pivot's activities once (their later replies too), by kind and without a word of it", async () => {
    const pivot = world.people[SPVQ_COORD]!;
    const today = quebecDay();
    const logged = await world.db
      .select()
      .from(pivotActivity)
      .where(and(eq(pivotActivity.personId, pivot.personId), eq(pivotActivity.type, "consultation_given"), eq(pivotActivity.occurredOn, today)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ organizationId: world.orgs["SPVQ"], notes: "", audience: "", durationMinutes: 0 });
    const counts = await countPivotActivities(world.db, { partnershipId: pivot.partnershipId!, organizationId: world.orgs["SPVQ"], from: today, to: today });
    expect(counts[0]?.counts.consultation_given).toBe(1);
  });

  it("is closed by the asker, then accepts no more messages", async () => {
    const o = await thread(WORKER, { intent: "close", version: String(await version()) });
    expect(o.status).toBe(302);
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    expect(row!.status).toBe("closed");
    expect(row!.closedAt).toBeInstanceOf(Date);
    const late = await thread(SPVQ_COORD, { intent: "reply", _submission: crypto.randomUUID(), body: "Encore un mot." });
    expect(late.status).toBe(400);
    const reopen = await thread(SPVQ_COORD, { intent: "close", version: String(await version()) });
    expect(reopen.status).toBe(409);
    expect(await auditCount("consultation.closed", id)).toBe(1);
    // The pivot who took it is told, without content.
    const notices = (await world.db.select().from(emailMessage).where(eq(emailMessage.toAddress, SPVQ_COORD))).filter((m) => m.textBody.includes(id));
    expect(notices.map((m) => m.subject)).toContain("Une consultation a été fermée");
    for (const m of notices) expect(m.textBody).not.toContain("Cadeaux");
  });

  it("every write is audited and the audit chain holds", async () => {
    expect(await auditCount("consultation.taken", id)).toBe(1);
    expect(await auditCount("consultation.replied", id)).toBe(3);
    const result = await verifyAuditChain(world.db);
    expect(result.ok).toBe(true);
  });
});

describe("a consultation addressed to an organization's pivots", () => {
  it("notifies every current pivot of that organization who has an account", async () => {
    const o = await createAs(WORKER, `organization=${world.orgs["SPVQ"]}`);
    expect(o.status).toBe(302);
    const id = o.location!.split("/").pop()!.split("?")[0]!;
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, id));
    expect(row).toMatchObject({ targetPersonId: null, targetOrganizationId: world.orgs["SPVQ"] });
    const notified = (await world.db.select().from(emailMessage)).filter((m) => m.textBody.includes(id)).map((m) => m.toAddress);
    // The demo's SPVQ pivots with an account: the coordinator and the backup pivot Isabelle Roy.
    expect([...notified].sort()).toEqual([SPVQ_COORD, "isabelle.roy@filet.test"].sort());
  });
});

describe("the lists", () => {
  it("show the worker's requests and the pivot's inbox, audited with the ids shown", async () => {
    const mine = await call(world, listRoute.loader as never, { email: WORKER, path: "/consultations" });
    const lists = (mine.data as { lists: { mine: { id: string }[]; addressed: unknown[] } }).lists;
    expect(lists.mine.length).toBeGreaterThan(0);
    const [event] = await world.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "consultation.list"))
      .orderBy(sql`${auditEvent.id} desc`)
      .limit(1);
    expect((event!.details as { ids: string[] }).ids.sort()).toEqual(lists.mine.map((r) => r.id).sort());

    const inbox = await call(world, listRoute.loader as never, { email: CJQ_PIVOT, path: "/consultations" });
    const pivotLists = (inbox.data as { lists: { mine: unknown[]; addressed: { id: string }[] } }).lists;
    expect(pivotLists.addressed.length).toBeGreaterThan(0);
    const none = await call(world, listRoute.loader as never, { email: TRAINER, path: "/consultations" });
    const trainer = (none.data as { lists: { mine: unknown[]; addressed: unknown[]; coordinated: unknown } }).lists;
    expect(trainer).toEqual({ mine: [], addressed: [], coordinated: null });
  });
});
