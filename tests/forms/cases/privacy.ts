import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * Forms of the privacy section (issue 15): the Table's privacy officer (vie-privee@) keeps the
 * Table's register, the EFVP and the correction requests; the SPVQ's officer (aiprp.spvq@) keeps
 * the SPVQ's register (see app/modules/demo/seed-privacy.server.ts).
 */
const spvqIncident = (demo: Demo) => demo.one(sql`select id from privacy_incident where partnership_id = ${demo.tableId} and title like 'Renseignements permettant%'`);
const tableIncident = (demo: Demo) => demo.one(sql`select id from privacy_incident where partnership_id = ${demo.tableId} and title like 'Invitation à Filet%'`);
const version = async (demo: Demo, table: "privacy_incident" | "privacy_assessment" | "privacy_correction_request", id: string) => String(await demo.one<number>(sql`select version from ${sql.raw(table)} where id = ${id}`));
const assessment = (demo: Demo) => demo.one(sql`select id from privacy_assessment where partnership_id = ${demo.tableId} and feature = 'consultations'`);
const correction = (demo: Demo) => demo.one(sql`select id from privacy_correction_request where partnership_id = ${demo.tableId} and status = 'open' order by created_at limit 1`);
const spvqPerson = (demo: Demo) => demo.one(sql`select p.id from person p join organization o on o.id = p.organization_id where p.partnership_id = ${demo.tableId} and o.acronym = 'SPVQ' and p.email = 'coord-pivots.spvq@filet.test'`);

const incidentBody = (variant: number) => ({
  title: `Courriel envoyé au mauvais groupe (${variant})`,
  personalInformation: "Adresses courriel professionnelles de personnes pivots",
  notDescribedReason: "",
  circumstances: "Une liste de diffusion erronée a été utilisée.",
  occurredOn: "2026-11-02",
  occurredUntil: "",
  knownOn: "2026-11-03",
  knownUntil: "",
  peopleCount: String(10 + variant),
  sensitivity: "Faible",
  possibleMisuses: "",
  consequences: "",
  likelihood: "low",
  severity: "minor",
  riskReasoning: "Coordonnées professionnelles déjà connues des destinataires.",
  commissionNoticeOn: "",
  peopleNoticeOn: "",
  publicNoticeReason: "",
  ministerNoticeOn: "",
  measuresTaken: "Rappel du courriel.",
});

export const privacyCases: CaseBook = {
  "routes/privacy/incidents.new.tsx": [
    { name: "record a confidentiality incident", kind: "create", as: "vie-privee@filet.test", url: () => "/privacy/incidents/new", body: (_demo, variant) => incidentBody(variant) },
  ],
  "routes/privacy/incidents.$incidentId.edit.tsx": [
    {
      name: "edit a confidentiality incident",
      kind: "edit",
      as: "vie-privee@filet.test",
      url: async (demo) => `/privacy/incidents/${await tableIncident(demo)}/edit`,
      body: async (demo, variant) => ({ ...incidentBody(variant), title: `Invitation à Filet envoyée à une mauvaise adresse (${variant})`, version: await version(demo, "privacy_incident", await tableIncident(demo)) }),
    },
  ],
  "routes/privacy/incidents.$incidentId.tsx": [
    {
      name: "add a follow-up measure",
      kind: "create",
      as: "aiprp.spvq@filet.test",
      url: async (demo) => `/privacy/incidents/${await spvqIncident(demo)}`,
      body: async (demo, variant) => ({ intent: "measure", what: `Rappeler la consigne de dépersonnalisation (${variant})`, ownerPersonId: await spvqPerson(demo), dueOn: "2026-12-15" }),
    },
    {
      name: "close a notified incident",
      kind: "edit",
      as: "aiprp.spvq@filet.test",
      url: async (demo) => `/privacy/incidents/${await spvqIncident(demo)}`,
      body: async (demo) => ({ intent: "status", status: "closed", version: await version(demo, "privacy_incident", await spvqIncident(demo)) }),
    },
  ],
  "routes/privacy/audit.tsx": [{ name: "verify the audit chain now", kind: "action", as: "vie-privee@filet.test", url: () => "/privacy/audit", body: () => ({ intent: "verify" }) }],
  "routes/privacy/assessments.new.tsx": [
    {
      name: "record an EFVP",
      kind: "create",
      as: "vie-privee@filet.test",
      url: () => "/privacy/assessments/new",
      body: (_demo, variant) => ({ feature: "directory", title: `EFVP du bottin (${variant})`, summary: "", startedOn: "2026-10-01", completedOn: "", reviewOn: "", decision: "pending", decisionReason: "" }),
    },
  ],
  "routes/privacy/assessments.$assessmentId.tsx": [
    {
      name: "edit an EFVP",
      kind: "edit",
      as: "vie-privee@filet.test",
      url: async (demo) => `/privacy/assessments/${await assessment(demo)}`,
      body: async (demo, variant) => ({
        feature: "consultations",
        title: `EFVP des consultations aux pivots (${variant})`,
        summary: "Résumé",
        startedOn: "2026-03-02",
        completedOn: "2026-05-15",
        reviewOn: `2027-05-1${variant % 10}`,
        decision: "approved_with_conditions",
        decisionReason: "Conditions maintenues.",
        version: await version(demo, "privacy_assessment", await assessment(demo)),
      }),
    },
  ],
  "routes/privacy/corrections.tsx": [
    {
      name: "answer a correction request",
      kind: "edit",
      as: "vie-privee@filet.test",
      url: () => "/privacy/corrections",
      body: async (demo, variant) => {
        const id = await correction(demo);
        return { requestId: id, status: "done", answer: `Numéro corrigé dans le bottin (${variant}).`, version: await version(demo, "privacy_correction_request", id) };
      },
    },
  ],
  "routes/privacy/my-data.tsx": [
    { name: "request a correction of one's own data", kind: "create", as: "pivot.cjq@filet.test", url: () => "/privacy/my-data", body: (_demo, variant) => ({ request: `Mon titre est à corriger (${variant}).` }) },
  ],
};
