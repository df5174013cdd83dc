import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { consultation, consultationMessage } from "../../app/modules/consultations/tables.ts";
import { forumPost, forumPostRevision } from "../../app/modules/forum/tables.ts";
import { REDACTION_MARK } from "../../app/modules/privacy/retention-vocabulary.ts";
import { privacyIncident } from "../../app/modules/privacy/tables.ts";
import * as fromSource from "../../app/routes/privacy/incidents.from.$sourceType.$sourceId.tsx";
import { callRoute } from "../support/fixtures.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { ADMIN, CJQ_PIVOT, createWorld, EVALUATOR, HELENE, OTHER_TABLE_COORD, PRIVACY, SPVQ_COORD, TABLE_COORD, TRAINER, WORKER, type World } from "./consultations-fixtures.ts";

let world: World;
let tableId: string;

beforeAll(async () => {
  world = await createWorld();
  tableId = world.people[PRIVACY]!.partnershipId!;
});
afterAll(async () => {
  await world.handle.close();
});

const url = (type: string, id: string) => `/privacy/incidents/from/${type}/${id}`;
const get = async (email: string, type: string, id: string) =>
  callRoute(fromSource.loader as never, { url: url(type, id), params: { sourceType: type, sourceId: id }, cookie: await world.cookie(email), context: world.context });
const post = async (email: string, type: string, id: string, body: Record<string, string | string[]>) =>
  callRoute(fromSource.action as never, { url: url(type, id), params: { sourceType: type, sourceId: id }, cookie: await world.cookie(email), method: "POST", body: body as never, context: world.context });

const incident = (_label: string) => ({
  [SUBMISSION_KEY_FIELD]: randomUUID(),
  register: "table",
  title: "Prénom d'une jeune dans un texte",
  personalInformation: "Prénom d'une personne mineure (non reproduit).",
  circumstances: "Signalé par une personne pivot après lecture.",
  occurredOn: "2026-11-02",
  knownOn: "2026-11-03",
});

describe("an incident opened from its source, with the text redacted", () => {
  it("redacts a consultation's parts: the text is kept nowhere, the audit has the lengths and the incident only", async () => {
    const [c] = await world.db.select().from(consultation).where(eq(consultation.partnershipId, tableId)).limit(1);
    const before = await world.db.select().from(consultationMessage).where(eq(consultationMessage.consultationId, c!.id));
    const page = await get(PRIVACY, "consultation", c!.id);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain(c!.context);
    const parts = before.length ? ["context", "message-1"] : ["context"];
    const done = await post(PRIVACY, "consultation", c!.id, { ...incident("redact-consultation-1"), redact: parts });
    expect(done.location).toMatch(/^\/privacy\/incidents\/[0-9a-f-]{36}\?saved=created$/);
    const incidentId = done.location!.split("/")[3]!.split("?")[0]!;
    const [row] = await world.db.select().from(privacyIncident).where(eq(privacyIncident.id, incidentId));
    expect(row).toMatchObject({ sourceType: "consultation", sourceId: c!.id, organizationId: null });
    const [after] = await world.db.select().from(consultation).where(eq(consultation.id, c!.id));
    expect(after!.context).toBe(REDACTION_MARK);
    expect(after!.question).toBe(c!.question);
    if (before.length) {
      const [first] = await world.db.select().from(consultationMessage).where(eq(consultationMessage.id, before.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!.id));
      expect(first!.body).toBe(REDACTION_MARK);
    }
    const [audit] = await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "privacy.content_redacted"), eq(auditEvent.targetId, c!.id)));
    expect(audit!.details).toMatchObject({ incidentId, lengths: { context: c!.context.length } });
    const everything = JSON.stringify(await world.db.select({ d: auditEvent.details }).from(auditEvent));
    expect(everything).not.toContain(c!.context);
  });

  it("redacts a post and its edit history", async () => {
    const [p] = await world.db.select().from(forumPost).where(eq(forumPost.partnershipId, tableId)).limit(1);
    await world.db.insert(forumPostRevision).values({ partnershipId: tableId, postId: p!.id, version: 1, body: "Ancien libellé avec un prénom" });
    const done = await post(PRIVACY, "forum_post", p!.id, { ...incident("redact-post-1"), redact: "body" });
    expect(done.location).toMatch(/saved=created$/);
    const [after] = await world.db.select().from(forumPost).where(eq(forumPost.id, p!.id));
    expect(after!.body).toBe(REDACTION_MARK);
    const revisions = await world.db.select().from(forumPostRevision).where(eq(forumPostRevision.postId, p!.id));
    expect(revisions.every((r) => r.body === REDACTION_MARK)).toBe(true);
    const [audit] = await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "privacy.content_redacted"), eq(auditEvent.targetId, p!.id)));
    expect(audit!.details).toMatchObject({ lengths: { body: p!.body.length } });
  });

  it("is a 404 for the coordinator, a worker, an unknown source type or id", async () => {
    const [p] = await world.db.select({ id: forumPost.id }).from(forumPost).where(eq(forumPost.partnershipId, tableId)).limit(1);
    expect((await get(TABLE_COORD, "forum_post", p!.id)).status).toBe(404);
    expect((await get(WORKER, "forum_post", p!.id)).status).toBe(404);
    expect((await get(PRIVACY, "announcement", p!.id)).status).toBe(404);
    expect((await get(PRIVACY, "forum_post", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await post(PRIVACY, "forum_post", p!.id, { ...incident("redact-bad"), redact: "../x" })).status).toBe(400);
  });
});

describe("who may open an incident from a source (route × persona)", () => {
  // Only the officer whose register covers the source; the platform admin and another Table's
  // coordinator get the same 404 as a missing source, for reading the page and for posting to it.
  const OTHERS = [WORKER, CJQ_PIVOT, SPVQ_COORD, TRAINER, ADMIN, TABLE_COORD, EVALUATOR, OTHER_TABLE_COORD, HELENE];
  it.each(["consultation", "forum_post"] as const)("%s: the Table's privacy officer only; everyone else 404, and nothing is redacted", async (type) => {
    const table = type === "consultation" ? consultation : forumPost;
    const [row] = await world.db.select({ id: table.id }).from(table).where(eq(table.partnershipId, tableId)).limit(1);
    expect((await get(PRIVACY, type, row!.id)).status).toBe(200);
    const tally = async (id: string) => ({
      incidents: (await world.db.select({ id: privacyIncident.id }).from(privacyIncident).where(eq(privacyIncident.sourceId, id))).length,
      redactions: (await world.db.select({ id: auditEvent.id }).from(auditEvent).where(and(eq(auditEvent.action, "privacy.content_redacted"), eq(auditEvent.targetId, id)))).length,
    });
    const before = await tally(row!.id);
    const answers: string[] = [];
    for (const email of OTHERS) {
      const page = await get(email, type, row!.id);
      const sent = await post(email, type, row!.id, { ...incident(`matrix-${email}`), redact: type === "consultation" ? "context" : "body" });
      if (page.status !== 404 || sent.status !== 404) answers.push(`${email}: GET ${page.status}, POST ${sent.status}`);
    }
    expect(answers).toEqual([]);
    expect(await tally(row!.id)).toEqual(before);
  });
});
