import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { consultation } from "../../app/modules/consultations/tables.ts";
import { openConsultation } from "../../app/modules/consultations/open-consultation.server.ts";
import { loadActiveRoles } from "../../app/modules/identity/current-user.server.ts";
import { person } from "../../app/modules/people/tables.ts";
import * as newRoute from "../../app/routes/consultations/new.tsx";
import * as threadRoute from "../../app/routes/consultations/$consultationId.tsx";
import * as listRoute from "../../app/routes/consultations/_index.tsx";
import {
  ADMIN,
  call,
  CJQ_PIVOT,
  createWorld,
  designate,
  EVALUATOR,
  OTHER_TABLE_COORD,
  PRIVACY,
  SPVQ_COORD,
  TABLE_COORD,
  TRAINER,
  WORKER,
  type World,
} from "./consultations-fixtures.ts";

let world: World;
let toPivot: string;
let toOrganization: string;

async function create(email: string, target: Record<string, string>) {
  const query = new URLSearchParams(target).toString();
  const o = await call(world, newRoute.action as never, {
    email,
    path: `/consultations/new?${query}`,
    form: { _submission: crypto.randomUUID(), subject: "Question générale", context: "Contexte général.", question: "Que recommandez-vous?", urgency: "low", ...target },
  });
  expect(o.status, JSON.stringify(o.data)).toBe(302);
  return o.location!.split("/").pop()!.split("?")[0]!;
}

beforeAll(async () => {
  world = await createWorld();
  toPivot = await create(WORKER, { pivot: world.people[CJQ_PIVOT]!.personId });
  toOrganization = await create(WORKER, { organization: world.orgs["SPVQ"]! });
});
afterAll(async () => {
  await world.handle.close();
});

const everyone = [ADMIN, TABLE_COORD, CJQ_PIVOT, SPVQ_COORD, WORKER, TRAINER, EVALUATOR, PRIVACY, OTHER_TABLE_COORD] as const;

describe("who may open which consultation page", () => {
  it("lists: every member of a Table gets the page (with only their own consultations); anonymous goes to sign-in", async () => {
    for (const email of everyone) {
      const o = await call(world, listRoute.loader as never, { email, path: "/consultations" });
      expect(o.status, email).toBe(200);
    }
    const anonymous = await call(world, listRoute.loader as never, { email: null, path: "/consultations" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/login?redirectTo=%2Fconsultations");
  });

  it("new: who may ask (consultation.ask), toward a pivot of their own Table only", async () => {
    const path = `/consultations/new?pivot=${world.people[SPVQ_COORD]!.personId}`;
    const expected: Record<string, number> = {
      [ADMIN]: 200, // consultation.ask is global for the platform admin (they still read nothing they did not ask)
      [TABLE_COORD]: 200,
      [CJQ_PIVOT]: 200,
      [SPVQ_COORD]: 200,
      [WORKER]: 200,
      [TRAINER]: 200,
      [EVALUATOR]: 404,
      [PRIVACY]: 404,
      [OTHER_TABLE_COORD]: 404, // the pivot belongs to another Table
    };
    for (const email of everyone) {
      const o = await call(world, newRoute.loader as never, { email, path });
      expect(o.status, email).toBe(expected[email]);
    }
    const anonymous = await call(world, newRoute.loader as never, { email: null, path });
    expect(anonymous.status).toBe(302);
  });

  it("new (POST): roles without consultation.ask, and targets of another Table, get 404 and create nothing", async () => {
    const before = (await world.db.select({ id: consultation.id }).from(consultation)).length;
    const form = (target: Record<string, string>) => ({
      _submission: crypto.randomUUID(),
      subject: "Question générale",
      context: "Contexte général.",
      question: "Que recommandez-vous?",
      urgency: "low",
      ...target,
    });
    const quebecPivot = { pivot: world.people[CJQ_PIVOT]!.personId };
    for (const email of [EVALUATOR, PRIVACY, OTHER_TABLE_COORD]) {
      const o = await call(world, newRoute.action as never, { email, path: `/consultations/new?pivot=${quebecPivot.pivot}`, form: form(quebecPivot) });
      expect(o.status, email).toBe(404);
    }
    // The worker aims at an organization of the other Table (which has a pivot): treated as missing.
    await designate(world.db, OTHER_TABLE_COORD, "CISSS-CA");
    const [otherOrg] = await world.db
      .select({ id: person.organizationId })
      .from(person)
      .where(eq(person.email, OTHER_TABLE_COORD));
    const own = await call(world, newRoute.loader as never, { email: OTHER_TABLE_COORD, path: `/consultations/new?organization=${otherOrg!.id}` });
    expect(own.status, "the organization is a valid target inside its own Table").toBe(200);
    const o = await call(world, newRoute.action as never, { email: WORKER, path: "/consultations/new", form: form({ organization: otherOrg!.id! }) });
    expect(o.status).toBe(404);
    expect((await world.db.select({ id: consultation.id }).from(consultation)).length).toBe(before);
  });

  it("thread addressed to one pivot: the asker and that pivot only; everyone else 404, platform admin included", async () => {
    const readers = new Set([WORKER, CJQ_PIVOT]);
    for (const email of everyone) {
      const o = await call(world, threadRoute.loader as never, { email, path: `/consultations/${toPivot}`, params: { consultationId: toPivot } });
      expect(o.status, email).toBe(readers.has(email) ? 200 : 404);
      const post = await call(world, threadRoute.action as never, {
        email,
        path: `/consultations/${toPivot}`,
        params: { consultationId: toPivot },
        form: { intent: "reply", _submission: crypto.randomUUID(), body: `Message de test de ${email.split("@")[0]}` },
      });
      expect(post.status, `${email} reply`).toBe(readers.has(email) ? 302 : 404);
    }
  });

  it("thread addressed to an organization: the asker, its current pivots and its pivot coordinator", async () => {
    const readers = new Set([WORKER, SPVQ_COORD]);
    for (const email of everyone) {
      const o = await call(world, threadRoute.loader as never, { email, path: `/consultations/${toOrganization}`, params: { consultationId: toOrganization } });
      expect(o.status, email).toBe(readers.has(email) ? 200 : 404);
      const take = await call(world, threadRoute.action as never, {
        email,
        path: `/consultations/${toOrganization}`,
        params: { consultationId: toOrganization },
        form: { intent: "take", version: "1" },
      });
      // Only a pivot takes a consultation; the asker and outsiders get 404.
      expect(take.status, `${email} take`).toBe(email === SPVQ_COORD ? 302 : 404);
    }
  });

  it("the target organization's pivot coordinator reads a consultation addressed to one of its pivots", async () => {
    // Catherine Roy coordinates the CJQ pivots in the demo (no account: the domain function is called directly).
    const [coordinator] = await world.db.select().from(person).where(eq(person.email, "catherine.roy@filet.test"));
    const viewer = { personId: coordinator!.id, partnershipId: coordinator!.partnershipId!, roles: await loadActiveRoles(world.db, coordinator!.id) };
    const actor = { accountId: null, role: "pivot_coordinator", organizationId: null, partnershipId: viewer.partnershipId, requestId: "t", ip: "" };
    expect((await openConsultation(world.db, actor, viewer, toPivot))?.id).toBe(toPivot);
    expect(await openConsultation(world.db, actor, viewer, toOrganization)).toBeNull();
  });

  it("an id from another Table, a malformed id and a missing id all answer 404", async () => {
    for (const id of ["not-a-uuid", crypto.randomUUID(), toPivot]) {
      const o = await call(world, threadRoute.loader as never, { email: OTHER_TABLE_COORD, path: `/consultations/${id}`, params: { consultationId: id } });
      expect(o.status, id).toBe(404);
    }
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, toPivot));
    expect(row!.status).toBe("answered");
  });
});
