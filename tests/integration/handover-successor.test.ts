import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { coordinationHandover } from "../../app/modules/handover/tables.ts";
import { fr, en } from "../../app/i18n/messages/table-work.ts";
import * as handoverRoute from "../../app/routes/table/handover.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset } from "../support/fixtures.ts";
import { renderPage } from "../support/render-page.tsx";
import { asPageSends } from "./table-form-support.ts";

/** The successor select starts empty ("choose a person"); an empty choice is refused with a clear message. */
let handle: DatabaseHandle;
let ds: AuthzDataset;
let cookie: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  cookie = await signIn(handle.db, ds.people.table_coordinator.accountId!, { activePartnershipId: ds.tableA });
});
afterAll(async () => {
  await handle?.close();
});

const start = async (body: Record<string, string>) =>
  callRoute(handoverRoute.action, { url: "/handover", cookie, method: "POST", body: await asPageSends({ url: "/handover", body: { intent: "start", ...body }, cookie, context: testContext(handle.db) }), context: testContext(handle.db) });

describe("choosing the successor", () => {
  it("the select starts on an empty 'choose a person' option, in French and English", async () => {
    const page = await callRoute(handoverRoute.loader, { url: "/handover", cookie, context: testContext(handle.db) });
    expect(page.status).toBe(200);
    for (const [locale, text] of [
      ["fr", fr["handover.chooseSuccessor"]],
      ["en", en["handover.chooseSuccessor"]],
    ] as const) {
      const html = renderPage(handoverRoute.default as never, { path: "/handover", loaderData: page.data, locale });
      const select = /<select[^>]*name="successorPersonId"[^>]*>(.*?)<\/select>/s.exec(html)![1]!;
      expect(select.startsWith(`<option value="" selected="">${text}</option>`), select.slice(0, 200)).toBe(true);
      // Nobody is preselected: a person must be chosen.
      expect(select.match(/selected/g)).toHaveLength(1);
    }
    expect(fr["handover.chooseSuccessor"]).not.toBe(en["handover.chooseSuccessor"]);
  });

  it("refuses an empty choice with a clear message, and starts nothing", async () => {
    const res = await start({ outgoingPersonId: ds.people.table_coordinator.personId, successorPersonId: "" });
    expect(res.status).toBe(400);
    const errors = (res.data as { errors: Record<string, string[]> }).errors;
    expect(errors.successorPersonId).toEqual(["handover.successorRequired"]);
    expect(fr["handover.successorRequired"]).toMatch(/Choisissez/);
    expect(en["handover.successorRequired"]).toMatch(/Choose/);
    expect(await handle.db.select().from(coordinationHandover)).toHaveLength(0);
    // The page shows the message next to the field.
    const page = await callRoute(handoverRoute.loader, { url: "/handover", cookie, context: testContext(handle.db) });
    const html = renderPage(handoverRoute.default as never, { path: "/handover", loaderData: page.data, actionData: res.data, locale: "en" });
    expect(html).toContain(en["handover.successorRequired"]);
  });

  it("a person chosen from the list still starts the handover", async () => {
    const res = await start({ outgoingPersonId: ds.people.table_coordinator.personId, successorPersonId: ds.people.table_member.personId });
    expect(res.status, JSON.stringify(res.data)).toBe(302);
  });
});
