import { sql } from "drizzle-orm";
import { systemActor } from "../../../app/modules/audit/record-audit-event.server.ts";
import { issueCertificate } from "../../../app/modules/training-evaluation/certificates.server.ts";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * Forms of the training routes other than /training/sessions/… (overview, availability, pairs,
 * programs, questionnaires, registration, nomination, certificates, trainer profiles): a valid
 * submission each (see ../harness.ts).
 */

const personId = (demo: Demo, email: string) => demo.one(sql`select id from person where partnership_id = ${demo.tableId} and email = ${email}`);
const profileOf = (demo: Demo, email: string) =>
  demo.one(sql`select tp.id from trainer_profile tp join person p on p.id = tp.person_id where tp.partnership_id = ${demo.tableId} and p.email = ${email}`);

/** The demo's upcoming sessions in date order; the first is open for registration. */
const upcoming = (demo: Demo, index: number) =>
  demo.one(sql`select id from training_session where partnership_id = ${demo.tableId} and status in ('open', 'planned') order by dates[1] offset ${index} limit 1`);

/**
 * The demo opens one session for registration. A registration case needs one session per
 * variant (each variant must create a registration of its own): the next ones are opened, as
 * the coordinator would on the session's page.
 */
async function openSession(demo: Demo, variant: number): Promise<string> {
  const id = await upcoming(demo, Math.max(0, variant - 1));
  await demo.db.execute(sql`update training_session set status = 'open' where id = ${id} and status = 'planned'`);
  return id;
}

/** A pair proposal waiting to be applied (the demo has none: the solver runs as a job). */
async function proposedPairs(demo: Demo): Promise<{ id: string; version: number; sessionId: string }> {
  const sessionId = await upcoming(demo, 1);
  const [a, b] = [await profileOf(demo, "formateur.pipq@filet.test"), await profileOf(demo, "olivier.bergeron@filet.test")];
  const existing = await demo
    .one<string>(sql`select id || ' ' || version from pair_proposal where partnership_id = ${demo.tableId} and status = 'proposed' order by created_at desc limit 1`)
    .catch(() => null);
  const row =
    existing ??
    (await demo.one<string>(sql`
      insert into pair_proposal (partnership_id, status, session_ids, assignments, solver_status)
      values (${demo.tableId}, 'proposed', array[${sessionId}]::uuid[], ${JSON.stringify([{ sessionId, trainerIds: [a, b] }])}::jsonb, 'Optimal')
      returning id || ' ' || version`));
  const [id, version] = row.split(" ");
  return { id: id!, version: Number(version), sessionId };
}

/** A certificate of the Table (the demo worker's completed session; issued on first need). */
async function certificate(demo: Demo): Promise<string> {
  const worker = await personId(demo, "intervenant.ecole@filet.test");
  const sessionId = await demo.one(
    sql`select session_id from training_registration where partnership_id = ${demo.tableId} and person_id = ${worker} and completed_at is not null order by created_at desc limit 1`,
  );
  const issued = await issueCertificate(demo.db, systemActor("forms-cases", demo.tableId), { partnershipId: demo.tableId, sessionId, personId: worker });
  return issued?.id ?? demo.one(sql`select id from training_certificate where partnership_id = ${demo.tableId} limit 1`);
}

/** Workers of the pivot coordinator's organization (SPVQ), in a fixed order. */
const spvqWorker = (demo: Demo, index: number) =>
  demo.one(sql`
    select p.id from person p
    where p.partnership_id = ${demo.tableId}
      and p.organization_id = (select organization_id from person where email = 'coord-pivots.spvq@filet.test')
      and p.email like 'participant.%'
    order by p.email offset ${index} limit 1`);

const basicProgram = (demo: Demo) => demo.one(sql`select id from training_program where partnership_id = ${demo.tableId} order by created_at limit 1`);

const programBody = (name: string) => ({
  nameFr: name,
  nameEn: `${name} (EN)`,
  summaryFr: "Une journée pour revoir les signes.",
  summaryEn: "One day to review the signs.",
  guideModules: ["skills"],
  "day0.titleFr": "Jour unique",
  "day0.titleEn": "Single day",
  "day0.objectivesFr": "Revoir les signes\nPratiquer l'accueil d'une confidence",
  "day0.objectivesEn": "Review the signs\nPractise receiving a disclosure",
});

export const trainingCases: CaseBook = {
  "routes/training/_index.tsx": [
    {
      name: "bring the trainer role holders into the pool",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/training",
      body: () => ({ intent: "sync" }),
    },
  ],
  "routes/training/availability.tsx": [
    {
      name: "answer one session's availability (versioned by the trainer profile)",
      kind: "edit",
      as: "formateur.pipq@filet.test",
      url: () => "/training/availability",
      body: async (demo, variant) => {
        const profile = await profileOf(demo, "formateur.pipq@filet.test");
        const version = await demo.one(sql`select version from trainer_profile where id = ${profile}`);
        return { sessionId: await upcoming(demo, 0), available: variant % 2 ? "yes" : "no", version: String(version) };
      },
    },
  ],
  "routes/training/pairs.tsx": [
    {
      name: "ask for a pair proposal",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/training/pairs",
      body: () => ({ intent: "propose" }),
    },
    {
      name: "apply the reviewed pairs",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/training/pairs",
      body: async (demo, variant) => {
        const proposal = await proposedPairs(demo);
        const pair = [await profileOf(demo, "formateur.pipq@filet.test"), await profileOf(demo, "olivier.bergeron@filet.test")];
        const [a, b] = variant % 2 ? pair : [...pair].reverse();
        return { intent: "apply", proposalId: proposal.id, version: String(proposal.version), [`a:${proposal.sessionId}`]: a!, [`b:${proposal.sessionId}`]: b! };
      },
    },
  ],
  "routes/training/programs.new.tsx": [
    {
      name: "add a training program",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/training/programs/new",
      body: (_demo, variant) => programBody(`Formation de rappel ${variant}`),
    },
  ],
  "routes/training/programs.$programId.tsx": [
    {
      name: "edit the basic program",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/training/programs/${await basicProgram(demo)}`,
      body: async (demo, variant) => {
        const version = await demo.one(sql`select version from training_program where id = ${await basicProgram(demo)}`);
        return { ...programBody(`Formation de base, version ${variant}`), version: String(version) };
      },
    },
  ],
  "routes/training/questionnaires.$kind.tsx": [
    {
      name: "edit the observation grid",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/training/questionnaires/observation",
      body: async (demo, variant) => {
        const version = await demo.one(
          sql`select coalesce(max(version), 0)::int from training_questionnaire where partnership_id = ${demo.tableId} and kind = 'observation'`,
        );
        return {
          expectedVersion: String(version),
          "q0.labelFr": `Les formateurs ont favorisé la participation (${variant})`,
          "q0.labelEn": `The trainers encouraged participation (${variant})`,
          "q0.kind": "scale",
        };
      },
    },
  ],
  "routes/training/register.tsx": [
    {
      name: "register for an open session",
      kind: "create",
      as: "intervenant.ecole@filet.test",
      url: () => "/training/register",
      body: async (demo, variant) => ({ intent: "register", sessionId: await openSession(demo, variant) }),
    },
    {
      name: "cancel one's registration",
      kind: "action",
      as: "intervenant.ecole@filet.test",
      url: () => "/training/register",
      body: async (demo) => ({ intent: "cancel", sessionId: await openSession(demo, 1) }),
    },
  ],
  "routes/training/nominate.tsx": [
    {
      name: "nominate a worker of one's organization",
      kind: "create",
      as: "coord-pivots.spvq@filet.test",
      url: () => "/training/nominate",
      body: async (demo, variant) => ({ intent: "nominate", sessionId: await openSession(demo, 1), personId: await spvqWorker(demo, variant) }),
    },
    {
      name: "cancel a nomination",
      kind: "action",
      as: "coord-pivots.spvq@filet.test",
      url: () => "/training/nominate",
      body: async (demo) => ({ intent: "cancel", sessionId: await openSession(demo, 1), personId: await spvqWorker(demo, 1) }),
    },
  ],
  "routes/training/certificates.tsx": [
    {
      name: "revoke a certificate",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/training/certificates",
      body: async (demo) => ({ certificateId: await certificate(demo) }),
    },
  ],
  "routes/training/trainers.$trainerId.tsx": [
    {
      name: "edit a trainer's pool profile",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/training/trainers/${await profileOf(demo, "helene.bouchard@filet.test")}`,
      body: async (demo, variant) => {
        const version = await demo.one(sql`select version from trainer_profile where id = ${await profileOf(demo, "helene.bouchard@filet.test")}`);
        return { version: String(version), languages: "fr", otherLanguages: "", accreditedOn: "2024-05-01", maxSessions: String(2 + variant), active: "on" };
      },
    },
  ],
};
