import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { toCsvMany } from "../../app/modules/exports/csv.ts";
import { toXlsx } from "../../app/modules/exports/xlsx.server.ts";
import { auditGrid, wrongFigures } from "../../app/modules/disclosure/audit-grid.ts";
import { invitationByToken, submitSurveyAnswer } from "../../app/modules/surveys/answer-survey.server.ts";
import { parseDefinition } from "../../app/modules/surveys/definition-text.ts";
import { getSurveyResults, resultsTables } from "../../app/modules/surveys/get-results.server.ts";
import { getSurvey } from "../../app/modules/surveys/list-surveys.server.ts";
import { surveyChart } from "../../app/modules/surveys/survey-chart.server.ts";
import { closeSurvey, openSurvey } from "../../app/modules/surveys/open-survey.server.ts";
import { createSurvey, updateSurvey } from "../../app/modules/surveys/save-survey.server.ts";
import { runSurveyDaily } from "../../app/modules/surveys/survey-jobs.server.ts";
import { parseAnswers } from "../../app/modules/questionnaires/parse-answers.ts";
import { allQuestions } from "../../app/modules/surveys/vocabulary.ts";
import { createOrganization, createPartnership, createPerson } from "../support/fixtures.ts";
import { createTestDatabase } from "../support/test-db.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rowsOf = async (db: DatabaseHandle["db"], q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: any[] }).rows;

const DEFINITION = `# Connaissance | Knowledge
? knows | single | required | Connaissez-vous les partenaires ? | Do you know the partners?
- yes | Oui | Yes
- no | Non | No
? which | long | required | Lesquels ? | Which ones?
if knows = yes
# Besoins | Needs
? needs | multiple | optional | Besoins de formation | Training needs
- signs | Signes | Signs
- law | Droit | Law
? comment | long | optional | Commentaire | Comment
`;

describe("surveys", () => {
  let handle: DatabaseHandle;
  let table: string;
  const actor = systemActor("test");
  const now = new Date("2026-05-04T15:00:00Z");
  const tokens: string[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const db = handle.db;
    table = await createPartnership(db);
    const org = await createOrganization(db, table, { nameFr: "Org", nameEn: "Org", type: "police" });
    for (let i = 0; i < 6; i++) await createPerson(db, { partnershipId: table, organizationId: org, roles: [{ role: "table_member" }] });
    await createPerson(db, { partnershipId: table, organizationId: org, roles: [{ role: "worker" }] });
  });
  afterAll(async () => handle?.close());

  const sections = () => {
    const d = parseDefinition(DEFINITION);
    if (!d.ok) throw new Error(`definition line ${d.line}: ${d.problem}`);
    return d.sections;
  };

  it("parses the text definition and refuses a bad line", () => {
    expect(allQuestions(sections()).map((q) => q.key)).toEqual(["knows", "which", "needs", "comment"]);
    expect(parseDefinition("? x | nope | required | a | b")).toMatchObject({ ok: false, line: 1 });
    // A single-choice or scale question may feed a known indicator, with values among its choices.
    const bound = parseDefinition("? s | single | required | S | S\n- ok | Oui | Yes\n- ko | Non | No\nindicator partner_survey_satisfaction = ok");
    expect(bound.ok && bound.sections[0]!.questions[0]).toMatchObject({ indicator: { code: "partner_survey_satisfaction", anyOf: ["ok"] } });
    expect(parseDefinition("? s | single | required | S | S\n- ok | Oui | Yes\n- ko | Non | No\nindicator partner_survey_satisfaction = maybe")).toMatchObject({ ok: false, line: 4 });
    expect(parseDefinition("? s | long | required | S | S\nindicator partner_survey_satisfaction = x")).toMatchObject({ ok: false, line: 2 });
    expect(parseDefinition("? s | single | required | S | S\n- ok | Oui | Yes\n- ko | Non | No\nindicator unknown_code = ok")).toMatchObject({ ok: false, line: 4 });
  });

  it("a hidden required question is not required", () => {
    const qs = allQuestions(sections());
    expect(parseAnswers(qs, { a_knows: "no" }, true)).toEqual({ ok: true, answers: { knows: "no" } });
    expect(parseAnswers(qs, { a_knows: "yes" }, true).ok).toBe(false);
  });

  it("opens into single-use invitations for the delegates, emails without content, answers anonymously", async () => {
    const db = handle.db;
    const created = await createSurvey(db, actor, table, { titleFr: "Sondage", titleEn: "Survey", anonymous: true, asksOrganizationType: false, audience: "delegates", audienceOrganizationIds: [], closesOn: "2026-05-06", sections: sections() });
    const id = created.value;
    const opened = await openSurvey(db, actor, { partnershipId: table, surveyId: id, expectedVersion: 1, publicUrl: "http://x", now });
    expect(opened).toEqual({ kind: "ok", value: { invited: 6 } });
    const mails = await db.select().from(emailMessage).where(sql`${emailMessage.partnershipId} = ${table}`);
    expect(mails).toHaveLength(6);
    for (const m of mails) {
      expect(m.textBody).not.toContain("partenaires");
      tokens.push(/\/surveys\/answer\/([A-Za-z0-9_-]+)/.exec(m.textBody)![1]!);
    }
    // The token is stored only hashed.
    const raw = await rowsOf(db, sql`select token_hash from survey_invitation`);
    expect(JSON.stringify(raw)).not.toContain(tokens[0]!);

    for (const [i, token] of tokens.entries()) {
      const state = await invitationByToken(db, token);
      if (state.state !== "open") throw new Error(state.state);
      expect((await submitSurveyAnswer(db, { invitationId: state.invitationId, answers: { knows: i < 4 ? "yes" : "no", comment: `note ${i}` }, now })).status).toBe("answered");
    }
    // Single use: the link now says "used", a second submit stores nothing.
    const again = await invitationByToken(db, tokens[0]!);
    expect(again.state).toBe("used");
    expect(await invitationByToken(db, "not-a-token-at-all-xxxxxxxx")).toEqual({ state: "unknown" });

    // Anonymous by construction: no column links a response to a person, an invitation or a time.
    const cols = await rowsOf(db, sql`select column_name, data_type from information_schema.columns where table_name = 'survey_response'`);
    const names = (cols as { column_name: string; data_type: string }[]).map((c) => c.column_name).sort();
    expect(names).toEqual(["answered_on", "answers", "id", "organization_type", "partnership_id", "survey_id", "version_id"]);
    expect((cols as { column_name: string; data_type: string }[]).find((c) => c.column_name === "answered_on")!.data_type).toBe("date");
    const fks = await rowsOf(db, sql`select ccu.table_name from information_schema.table_constraints tc join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name where tc.table_name = 'survey_response' and tc.constraint_type = 'FOREIGN KEY'`);
    expect((fks as { table_name: string }[]).map((r) => r.table_name).sort()).toEqual(["partnership", "survey", "survey_version"]);
    const authors = await rowsOf(db, sql`select count(*)::int as n from survey_response_author`);
    expect((authors[0] as { n: number }).n).toBe(0);
    const drafts = await rowsOf(db, sql`select count(*)::int as n from survey_draft`);
    expect((drafts[0] as { n: number }).n).toBe(0);
    // Ids are random uuids (no serial), nothing finer than the day.
    const rows = await rowsOf(db, sql`select id::text, answered_on::text, organization_type from survey_response`);
    // The survey did not ask for the organization type: no response carries it.
    expect((rows as { organization_type: string | null }[]).every((r) => r.organization_type === null)).toBe(true);
    for (const r of rows as { id: string; answered_on: string }[]) {
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.answered_on).toBe("2026-05-04");
    }
    // The audit events of the answers carry no actor.
    const events = await rowsOf(db, sql`select actor_account_id from audit_event where action = 'survey.answered'`);
    expect((events as { actor_account_id: string | null }[]).every((e) => e.actor_account_id === null)).toBe(true);

    // Results through the disclosure control (threshold 5 by default): 4 "yes" shown, 2 "no" suppressed.
    const row = (await getSurvey(db, table, id))!.survey;
    const results = await getSurveyResults(db, row, "fr");
    if (!results.shown) throw new Error("hidden");
    const knows = results.questions.find((q) => q.key === "knows")!;
    expect(knows.figures.map((f) => f.count)).toEqual([{ kind: "suppressed", mark: "primary" }, { kind: "suppressed", mark: "primary" }]);
    expect(results.questions.find((q) => q.key === "comment")!.texts).toHaveLength(6);
    // The chart image draws the same protected figures: a suppressed bar is marked, never drawn with its count.
    const chart = await surveyChart(db, { partnershipId: table, surveyId: id, questionKey: "knows", locale: "fr" });
    expect(chart).toMatch(/^<svg/);
    expect(chart).toContain("Connaissez-vous les partenaires");
    // One question's results alone are that question's results on the whole page.
    const alone = await getSurveyResults(db, row, "fr", "knows");
    expect(alone.shown && alone.questions).toEqual([knows]);
    // No chart for a text question, an unknown question, or the survey asked from another Table.
    expect(await surveyChart(db, { partnershipId: table, surveyId: id, questionKey: "comment", locale: "fr" })).toBeNull();
    expect(await surveyChart(db, { partnershipId: table, surveyId: id, questionKey: "nope", locale: "fr" })).toBeNull();
    expect(await surveyChart(db, { partnershipId: await createPartnership(db), surveyId: id, questionKey: "knows", locale: "fr" })).toBeNull();

    // Exports read back: the CSV parses, the XLSX opens with exceljs.
    const labels = { question: "Question", choice: "Choix", count: "Nombre", percent: "%", answer: "Réponse", mark: "x", footnote: "x = masqué", total: "Total", byType: "Par type" };
    const tables = resultsTables("Sondage", results, labels);
    const csv = toCsvMany(tables);
    expect(csv).toContain("Question");
    expect(csv.split("\n").some((l) => l.includes("Oui") && l.includes("x"))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(tables)) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBe(2);

    // Closing by hand; the link then says closed.
    const fresh = (await getSurvey(db, table, id))!.survey;
    expect((await closeSurvey(db, actor, { partnershipId: table, surveyId: id, expectedVersion: fresh.version, now })).kind).toBe("ok");
  });

  it("hides every result below the threshold, edits after publication make a new version, closes by date and reminds once", async () => {
    const db = handle.db;
    const { value: id } = await createSurvey(db, actor, table, { titleFr: "Petit", titleEn: "Small", anonymous: false, asksOrganizationType: false, audience: "delegates", audienceOrganizationIds: [], closesOn: "2026-05-06", sections: sections() });
    await openSurvey(db, actor, { partnershipId: table, surveyId: id, expectedVersion: 1, publicUrl: "http://x", now });
    const edited = await updateSurvey(db, actor, table, id, 2, { titleFr: "Petit", titleEn: "Small", anonymous: false, asksOrganizationType: false, audience: "delegates", audienceOrganizationIds: [], closesOn: "2026-05-06", sections: sections().slice(0, 1) });
    expect(edited.kind).toBe("ok");
    const got = (await getSurvey(db, table, id))!;
    expect(got.latest!.number).toBe(2);
    expect(got.latest!.published).toBe(false);
    expect(got.survey.publishedVersionId).not.toBe(got.latest!.id);
    expect(await getSurvey(db, await createPartnership(db), id)).toBeNull();

    const results = await getSurveyResults(db, got.survey, "en");
    expect(results.shown).toBe(false);
    const first = await runSurveyDaily(db, new Date("2026-05-04T13:00:00Z"));
    expect(first.reminded).toBe(6);
    expect((await runSurveyDaily(db, new Date("2026-05-05T13:00:00Z"))).reminded).toBe(0);
    expect((await runSurveyDaily(db, new Date("2026-05-07T13:00:00Z"))).closed).toBe(1);
  });
  it("cross-tabs by organization type: the type only (coarse, when asked), every cell through complementary suppression", async () => {
    const db = handle.db;
    const other = await createPartnership(db);
    const orgs = {
      youth_protection: await createOrganization(db, other, { type: "youth_protection" }),
      school: await createOrganization(db, other, { type: "school" }),
      police: await createOrganization(db, other, { type: "police" }),
    };
    const plan: [keyof typeof orgs, string[]][] = [
      ["youth_protection", ["yes", "yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", "no"]],
      ["school", ["yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", "no", "no"]],
      ["police", ["yes", "no"]],
    ];
    for (const [type, answers] of plan) for (const _ of answers) await createPerson(db, { partnershipId: other, organizationId: orgs[type], roles: [{ role: "table_member" }] });
    const { value: id } = await createSurvey(db, actor, other, { titleFr: "Milieux", titleEn: "Milieux", anonymous: true, asksOrganizationType: true, audience: "delegates", audienceOrganizationIds: [], closesOn: "2026-05-06", sections: sections() });
    await openSurvey(db, actor, { partnershipId: other, surveyId: id, expectedVersion: 1, publicUrl: "http://x", now });
    const invitations = await rowsOf(db, sql`select i.id, o.type, i.created_at::text as created from survey_invitation i join person p on p.id = i.person_id join organization o on o.id = p.organization_id where i.survey_id = ${id}`);
    const byType = new Map<string, string[]>();
    for (const inv of invitations as { id: string; type: string }[]) byType.set(inv.type, [...(byType.get(inv.type) ?? []), inv.id]);
    for (const [type, answers] of plan)
      for (const [i, knows] of answers.entries()) expect((await submitSurveyAnswer(db, { invitationId: byType.get(type)![i]!, answers: { knows, ...(knows === "yes" ? { which: "x" } : {}) }, now })).status).toBe("answered");

    // On the tables: the type is one of the coarse vocabulary (an enum), nothing names the organization or the person.
    const typeColumn = await rowsOf(db, sql`select udt_name from information_schema.columns where table_name = 'survey_response' and column_name = 'organization_type'`);
    expect((typeColumn[0] as { udt_name: string }).udt_name).toBe("organization_type");
    const stored = (await rowsOf(db, sql`select organization_type, answered_on::text from survey_response where survey_id = ${id}`)) as { organization_type: string; answered_on: string }[];
    expect(new Set(stored.map((r) => r.organization_type))).toEqual(new Set(["youth_protection", "school", "police"]));
    expect(new Set(stored.map((r) => r.answered_on))).toEqual(new Set(["2026-05-04"]));
    // No time on the invitations tells when someone answered: only the opening time, the same for all, untouched by the answers.
    const invitationTimes = await rowsOf(db, sql`select column_name from information_schema.columns where table_name = 'survey_invitation' and data_type like 'timestamp%'`);
    expect((invitationTimes as { column_name: string }[]).map((c) => c.column_name)).toEqual(["created_at"]);
    const after = (await rowsOf(db, sql`select distinct created_at::text as created from survey_invitation where survey_id = ${id}`)) as { created: string }[];
    expect(after.map((r) => r.created)).toEqual([...new Set((invitations as { created: string }[]).map((r) => r.created))]);

    const row = (await getSurvey(db, other, id))!.survey;
    const results = await getSurveyResults(db, row, "fr");
    if (!results.shown) throw new Error("hidden");
    const knows = results.questions.find((q) => q.key === "knows")!;
    const cross = knows.crossTab!;
    expect(cross.types).toEqual(["Protection de la jeunesse (DPJ)", "Milieu scolaire", "Police"]);
    // The chart's single-question results carry the same cross-tab and figures as the page's.
    const alone = await getSurveyResults(db, row, "fr", "knows");
    expect(alone.shown && alone.questions).toEqual([knows]);
    // Columns by how many answered from each type. Police answered twice: both cells under the threshold are suppressed, and others with them
    // so that neither comes back from the totals (its column total too).
    const truth = { rows: ["yes", "no"], cols: ["youth_protection", "school", "police"], cells: [[6, 5, 1], [5, 6, 1]], rowTotals: true, colTotals: true };
    const published = { cells: cross.cells, rowTotals: knows.figures.map((f) => f.count), colTotals: cross.typeTotals, grandTotal: cross.total, suppressedCount: cross.suppressed };
    expect(cross.cells[0]![2]).toMatchObject({ kind: "suppressed" });
    expect(cross.cells[1]![2]).toMatchObject({ kind: "suppressed" });
    expect(cross.suppressed).toBeGreaterThan(2);
    expect(wrongFigures(truth, published)).toEqual([]);
    for (const interval of await auditGrid(truth, published)) expect(interval.max - interval.min, JSON.stringify(interval)).toBeGreaterThan(0);
    // The export carries the cross-tab with its marks.
    const tables = resultsTables("Milieux", results, { question: "Q", choice: "Choix", count: "N", percent: "%", answer: "R", mark: "x", footnote: "x", total: "Total", byType: "Par type" });
    const crossTable = tables.find((t) => t.title.startsWith("Par type"))!;
    expect(crossTable.rows[0]![0]).toBe("Oui");
    expect(crossTable.rows[0]![3]).toEqual({ suppressed: true });
  });
});
