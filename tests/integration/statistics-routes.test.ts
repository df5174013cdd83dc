import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encode, openHarness, send, type Harness } from "../forms/harness.ts";

/** Route level: another organization's report is a 404; only counts are accepted (400, never 5xx); an evaluator sees no statistics page. */
let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => h?.close());

const entryOf = async (acronym: string) =>
  `/statistics/entry/${await h.demo.one<string>(sql`select s.data_set_id || '/' || s.organization_id || '/' || s.period_key from statistics_submission s join organization o on o.id = s.organization_id join statistics_data_set d on d.id = s.data_set_id where s.partnership_id = ${h.demo.tableId} and o.acronym = ${acronym} and d.last_period is null order by s.period_key desc limit 1`)}`;

it("answers 404 for another organization's report, on GET and POST", async () => {
  const url = await entryOf("SPVQ");
  expect((await send(h, { url, persona: "delegue.cjq@filet.test", method: "GET" })).status).toBe(404);
  expect((await send(h, { url, persona: "delegue.cjq@filet.test", body: encode({ intent: "submit", version: "1" }), contentType: "application/x-www-form-urlencoded" })).status).toBe(404);
  expect((await send(h, { url: await entryOf("CJQ-IU"), persona: "delegue.cjq@filet.test", method: "GET" })).status).toBe(200);
  expect((await send(h, { url: await entryOf("CJQ-IU"), persona: "evaluation@filet.test", method: "GET" })).status).toBe(404);
  expect((await send(h, { url: "/statistics/completeness", persona: "evaluation@filet.test", method: "GET" })).status).toBe(404);
});

it("refuses text, negative, fractional and huge counts with a 400", async () => {
  const url = await entryOf("CJQ-IU");
  const draft = await h.demo.one<string>(sql`select s.id from statistics_submission s join organization o on o.id = s.organization_id where o.acronym = 'CJQ-IU' and s.status = 'draft'`);
  const version = String(await h.demo.one<number>(sql`select version from statistics_submission where id = ${draft}`));
  const elementId = await h.demo.one<string>(sql`select e.id from statistics_data_element e join statistics_submission s on s.data_set_id = e.data_set_id where s.id = ${draft} and e.code = 'dpj_reports'`);
  for (const bad of ["douze", "-3", "2.5", "1e9", "99999999999999999999"]) {
    const answer = await send(h, { url, persona: "delegue.cjq@filet.test", body: encode({ intent: "section", version, elementId, "cell:a12_13": bad, "cell:total": "" }), contentType: "application/x-www-form-urlencoded" });
    expect(answer.status, bad).toBe(400);
  }
});
