import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * Forms of the evaluation reports: the evaluator files reports, findings and recommendations
 * and verifies; the coordinator answers and links key actions. Each form works on a demo
 * recommendation in the state it needs (see app/modules/demo/seed-evaluation-reports.server.ts).
 */

const report = (demo: Demo) => demo.one(sql`select id from evaluation_report where partnership_id = ${demo.tableId} and title like 'Troisième%'`);
const rec = (demo: Demo, text: string) => demo.one(sql`select id from evaluation_recommendation where partnership_id = ${demo.tableId} and text like ${`${text}%`}`);
const recUrl = (text: string) => async (demo: Demo) => `/evaluation/recommendations/${await rec(demo, text)}`;
const versionOf = async (demo: Demo, text: string) => String(await demo.one<number>(sql`select version from evaluation_recommendation where id = ${await rec(demo, text)}`));
const decision = (demo: Demo) => demo.one(sql`select id from meeting_decision where partnership_id = ${demo.tableId} and text like 'Tenir une rencontre régionale%'`);
const action = (demo: Demo, title: string) => demo.one(sql`select a.id from action_plan_action a join action_plan p on p.id = a.plan_id where a.partnership_id = ${demo.tableId} and p.year = 2010 and a.title = ${title}`);

const AWAITING = "Concrétiser un réseau";
const RESPONDED = "Mettre en commun les activités";
const VERIFIED = "Définir une direction";
const TO_LINK = "Se répartir des responsabilités";
const TWO_LINKS = "Mettre en place un plan d'action";
const EDITED = "Se doter d'un plan d'action";

export const evaluationReportCases: CaseBook = {
  "routes/evaluation/reports.new.tsx": [
    {
      name: "file an evaluation report",
      kind: "create",
      as: "evaluation@filet.test",
      url: () => "/evaluation/reports/new",
      file: { field: "pdf" },
      body: (_demo, variant) => ({ title: `Rapport final ${variant}`, evaluatorName: "François Lemieux", institution: "UQTR", reportOn: "2013-03-01", kind: "final", responseDueOn: "" }),
    },
  ],
  "routes/evaluation/reports.$reportId.tsx": (() => {
    const url = async (demo: Demo) => `/evaluation/reports/${await report(demo)}`;
    return [
      { name: "add a finding", kind: "create", as: "evaluation@filet.test", url, body: (_demo, variant) => ({ intent: "finding", text: `Constat ${variant}` }) },
      {
        name: "attach or replace the report's PDF",
        kind: "edit",
        as: "evaluation@filet.test",
        url,
        file: { field: "pdf" },
        body: async (demo) => ({ intent: "pdf", version: String(await demo.one<number>(sql`select version from evaluation_report where id = ${await report(demo)}`)) }),
      },
      {
        name: "remove a finding (confirmed)",
        kind: "action",
        as: "evaluation@filet.test",
        url,
        body: async (demo) => ({ intent: "removeFinding", findingId: await demo.one(sql`select id from evaluation_finding where report_id = ${await report(demo)} order by position desc limit 1`) }),
      },
      {
        name: "add a recommendation",
        kind: "create",
        as: "evaluation@filet.test",
        url,
        body: (_demo, variant) => ({ intent: "recommendation", text: `Recommandation ${variant}`, addressee: "partners", priority: "low" }),
      },
      {
        name: "edit a report",
        kind: "edit",
        as: "evaluation@filet.test",
        url,
        body: async (demo, variant) => ({
          intent: "report",
          version: String(await demo.one<number>(sql`select version from evaluation_report where id = ${await report(demo)}`)),
          title: `Troisième rapport intérimaire (${variant})`,
          evaluatorName: "François Lemieux",
          institution: "Université du Québec à Trois-Rivières",
          reportOn: "2012-04-25",
          kind: "interim",
          responseDueOn: `2012-05-2${variant % 10}`,
        }),
      },
    ];
  })(),
  "routes/evaluation/recommendations.$recommendationId.tsx": [
    {
      name: "record the management response",
      kind: "edit",
      as: "coordination@filet.test",
      url: recUrl(AWAITING),
      body: async (demo, variant) => ({ intent: "respond", response: variant % 2 ? "agree" : "partially_agree", rationale: `Décision de la Table (${variant})`, decisionId: await decision(demo), version: await versionOf(demo, AWAITING) }),
    },
    {
      name: "link a key action",
      kind: "edit",
      as: "coordination@filet.test",
      url: recUrl(TO_LINK),
      body: async (demo, variant) => ({
        intent: "link",
        target: `action:${await action(demo, variant % 2 ? "Tenir trois rencontres régionales des pivots" : "Mettre à jour le bottin des pivots deux fois par année")}`,
        version: await versionOf(demo, TO_LINK),
      }),
    },
    {
      name: "remove a key action",
      kind: "edit",
      as: "coordination@filet.test",
      url: recUrl(TWO_LINKS),
      body: async (demo) => ({
        intent: "unlink",
        keyActionId: await demo.one(sql`select id from evaluation_key_action where recommendation_id = ${await rec(demo, TWO_LINKS)} order by action_id limit 1`),
        version: await versionOf(demo, TWO_LINKS),
      }),
    },
    {
      name: "verify a recommendation",
      kind: "edit",
      as: "evaluation@filet.test",
      url: recUrl(RESPONDED),
      body: async (demo, variant) => ({ intent: "verify", verification: variant % 2 ? "implemented" : "partially_implemented", evidence: `Preuves ${variant}`, version: await versionOf(demo, RESPONDED) }),
    },
    {
      name: "reopen a verified recommendation",
      kind: "edit",
      as: "evaluation@filet.test",
      url: recUrl(VERIFIED),
      body: async (demo, variant) => ({ intent: "reopen", reason: `Raison ${variant}`, version: await versionOf(demo, VERIFIED) }),
    },
    {
      name: "edit a recommendation",
      kind: "edit",
      as: "evaluation@filet.test",
      url: recUrl(EDITED),
      body: async (demo, variant) => ({ intent: "edit", text: `Se doter d'un plan d'action annuel (${variant})`, addressee: "table", priority: variant % 2 ? "high" : "medium", version: await versionOf(demo, EDITED) }),
    },
  ],
};
