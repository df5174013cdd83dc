import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  createDirectoryWorld,
  type DirectoryWorld,
} from "./directory-fixtures.ts";
import { call, expectNotFound } from "./consultations-fixtures.ts";
import * as minePage from "../../app/routes/directory/mine.tsx";
import * as stalePage from "../../app/routes/directory/stale.tsx";
import {
  designationCorrection,
  pivotDesignation,
} from "../../app/modules/directory/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";

const CJQ_PIVOT = "pivot.cjq@filet.test";
const CJQ_COORD = "catherine.roy@filet.test"; // no account in the demo: emailed, never signed in
const SPVQ_COORD = "coord-pivots.spvq@filet.test"; // also the SPVQ's pivot
const TABLE_COORD = "coordination@filet.test";
const OTHER_TABLE = "coordination.ca@filet.test";
const MESSAGE =
  "Mon poste a changé : 418 555-0199 poste 2231. Retirez « Fugues ».";

let world: DirectoryWorld;
let karineEntry: string;
const mails = () => world.db.select().from(emailMessage);
const correctionsOf = (designationId: string) =>
  world.db
    .select()
    .from(designationCorrection)
    .where(eq(designationCorrection.designationId, designationId));
const ask = (
  email: string,
  designationId: string,
  key = randomUUID(),
  message = MESSAGE,
) =>
  call(world, minePage.action, {
    email,
    path: "/directory/mine",
    form: {
      intent: "correct",
      designationId,
      message,
      [SUBMISSION_KEY_FIELD]: key,
    },
  });
type MineData = {
  corrections: {
    id: string;
    designationId: string;
    status: string;
    handlerNote: string;
  }[];
};
type StaleData = {
  corrections: {
    id: string;
    designationId: string;
    version: number;
    message: string;
  }[];
};

beforeAll(async () => {
  world = await createDirectoryWorld();
  const [row] = await world.db
    .select({ id: pivotDesignation.id })
    .from(pivotDesignation)
    .where(eq(pivotDesignation.personId, world.people[CJQ_PIVOT]!.personId));
  karineEntry = row!.id;
});
afterAll(async () => {
  await world?.handle.close();
});

describe("a pivot asks for a correction of their own entry", () => {
  it("writes one request for a double submit, audits it and tells the coordinators without the message", async () => {
    const before = (await mails()).length;
    const key = randomUUID();
    const [first, second] = await Promise.all([
      ask(CJQ_PIVOT, karineEntry, key),
      ask(CJQ_PIVOT, karineEntry, key),
    ]);
    expect(first.status, JSON.stringify(first.data)).toBe(302);
    expect(second.location).toBe(first.location);
    const rows = await correctionsOf(karineEntry);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "open",
      message: MESSAGE,
      requestedBy: world.people[CJQ_PIVOT]!.personId,
      partnershipId: world.tables.quebec,
    });
    const sent = (await mails()).slice(before);
    expect(sent.map((m) => m.toAddress)).toEqual([CJQ_COORD]);
    for (const m of sent) {
      expect(m.textBody).toContain("/directory/stale");
      expect(m.textBody).not.toContain("418 555-0199");
      expect(m.textBody).not.toContain("Fugues");
      expect(m.subject).not.toContain("Fugues");
    }
    const audits = await world.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "pivot.correction_requested"),
          eq(auditEvent.targetId, rows[0]!.id),
        ),
      );
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.details)).not.toContain("418 555-0199");
  });

  it("shows the pivot their request on /directory/mine", async () => {
    const mine = await call(world, minePage.loader, {
      email: CJQ_PIVOT,
      path: "/directory/mine",
    });
    expect(
      (mine.data as MineData).corrections.map((c) => [
        c.designationId,
        c.status,
      ]),
    ).toEqual([[karineEntry, "open"]]);
  });

  it("refuses an empty or too long message, and a form without its key", async () => {
    expect(
      (await ask(CJQ_PIVOT, karineEntry, randomUUID(), "   ")).status,
    ).toBe(400);
    expect(
      (await ask(CJQ_PIVOT, karineEntry, randomUUID(), "x".repeat(2001)))
        .status,
    ).toBe(400);
    const keyless = await call(world, minePage.action, {
      email: CJQ_PIVOT,
      path: "/directory/mine",
      form: { intent: "correct", designationId: karineEntry, message: "Autre" },
    });
    expect(keyless.status).toBe(400);
    expect(await correctionsOf(karineEntry)).toHaveLength(1);
  });

  it("answers 404 to another pivot, another Table and a malformed id, writing nothing", async () => {
    expectNotFound(await ask(SPVQ_COORD, karineEntry));
    expectNotFound(await ask(OTHER_TABLE, karineEntry));
    expectNotFound(await ask(CJQ_PIVOT, "not-a-uuid"));
    expectNotFound(await ask(CJQ_PIVOT, randomUUID()));
    expect(await correctionsOf(karineEntry)).toHaveLength(1);
    const other = await call(world, minePage.loader, {
      email: SPVQ_COORD,
      path: "/directory/mine",
    });
    expect(
      (other.data as MineData).corrections.some(
        (c) => c.designationId === karineEntry,
      ),
    ).toBe(false);
  });
});

describe("those who designate handle it on /directory/stale", () => {
  const openOn = async (email: string) =>
    (
      (await call(world, stalePage.loader, { email, path: "/directory/stale" }))
        .data as StaleData
    ).corrections;
  const handle = (email: string, form: Record<string, string>) =>
    call(world, stalePage.action, {
      email,
      path: "/directory/stale",
      form: { intent: "handle", ...form },
    });

  it("lists the request to the Table's coordinator (the CJQ's has no account in the demo), not to the SPVQ's nor another Table's", async () => {
    expect((await openOn(TABLE_COORD)).map((c) => c.designationId)).toContain(
      karineEntry,
    );
    expect(
      (await openOn(SPVQ_COORD)).map((c) => c.designationId),
    ).not.toContain(karineEntry);
    const other = await call(world, stalePage.loader, {
      email: OTHER_TABLE,
      path: "/directory/stale",
    });
    expect(
      (other.data as StaleData).corrections.map((c) => c.designationId),
    ).not.toContain(karineEntry);
  });

  it("shows the demo's open request (Isabelle Roy's) to the SPVQ's coordinator", async () => {
    expect((await openOn(SPVQ_COORD)).map((c) => c.message)).toEqual([
      expect.stringContaining("disponibilité"),
    ]);
  });

  it("answers 404 outside the manager's organizations, 400 on a decline without a note", async () => {
    const [request] = await correctionsOf(karineEntry);
    const form = {
      correctionId: request!.id,
      version: String(request!.version),
      status: "done",
      handlerNote: "",
    };
    expectNotFound(await handle(SPVQ_COORD, form));
    expectNotFound(await handle(OTHER_TABLE, form));
    expectNotFound(
      await handle(TABLE_COORD, { ...form, correctionId: "nope" }),
    );
    const declined = await handle(TABLE_COORD, { ...form, status: "declined" });
    expect(declined.status).toBe(400);
    expect(
      await handle(TABLE_COORD, { ...form, status: "maybe" }),
    ).toMatchObject({ status: 400 });
    expect((await correctionsOf(karineEntry))[0]!.status).toBe("open");
  });

  it("marks it done with a note, audits it, tells the pivot; the same version again is 409", async () => {
    const [request] = await correctionsOf(karineEntry);
    const before = (await mails()).length;
    const form = {
      correctionId: request!.id,
      version: String(request!.version),
      status: "done",
      handlerNote: "Poste mis à jour, « Fugues » retiré.",
    };
    const done = await handle(TABLE_COORD, form);
    expect(done.status, JSON.stringify(done.data)).toBe(302);
    const [after] = await correctionsOf(karineEntry);
    expect(after).toMatchObject({
      status: "done",
      handledBy: world.people[TABLE_COORD]!.personId,
      version: request!.version + 1,
    });
    const sent = (await mails()).slice(before);
    expect(sent.map((m) => m.toAddress)).toEqual([CJQ_PIVOT]);
    expect(sent[0]!.textBody).toContain("/directory/mine");
    expect(sent[0]!.textBody).not.toContain("Fugues");
    const stale = await handle(TABLE_COORD, {
      ...form,
      status: "declined",
      handlerNote: "Non",
    });
    expect(stale.status).toBe(409);
    expect((await correctionsOf(karineEntry))[0]!.status).toBe("done");
    const audits = await world.db
      .select()
      .from(auditEvent)
      .where(
        and(
          inArray(auditEvent.action, ["pivot.correction_handled"]),
          eq(auditEvent.targetId, request!.id),
        ),
      );
    expect(audits).toHaveLength(1);
    expect((await openOn(TABLE_COORD)).map((c) => c.id)).not.toContain(
      request!.id,
    );
    const mine = await call(world, minePage.loader, {
      email: CJQ_PIVOT,
      path: "/directory/mine",
    });
    expect((mine.data as MineData).corrections[0]).toMatchObject({
      status: "done",
      handlerNote: form.handlerNote,
    });
  });
});
