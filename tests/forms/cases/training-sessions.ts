import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { systemActor } from "../../../app/modules/audit/record-audit-event.server.ts";
import { rowsOf } from "../../../app/modules/db/rows.ts";
import { SUBMISSION_KEY_FIELD } from "../../../app/modules/forms/submission-field.ts";
import { listGuideExercises } from "../../../app/modules/guide/list-guide-exercises.server.ts";
import { attendanceSheetVersion } from "../../../app/modules/training/attendance.server.ts";
import { registerForSession } from "../../../app/modules/training/registration.server.ts";
import { listSessionParticipants } from "../../../app/modules/training/session-participants.server.ts";
import { attendanceStatuses } from "../../../app/modules/training/vocabulary.ts";
import { addSessionDocument, listSessionExercises } from "../../../app/modules/training-evaluation/session-materials.server.ts";
import { answerField, type Question } from "../../../app/modules/training-evaluation/vocabulary.ts";
import { TINY_PDF, type CaseBook, type Demo, type Fields } from "../harness.ts";

/** Forms of the training session routes (/training/sessions/…): a valid submission each (see ../harness.ts). */

const COORDINATOR = "coordination@filet.test" as const;
const TRAINER = "formateur.pipq@filet.test" as const;
const OBSERVER = "valerie.poulin@filet.test" as const;
const PARTICIPANT = "intervenant.ecole@filet.test" as const;

/** The season's session open for registration (the demo opens the first one). */
const openSession = (demo: Demo) => demo.one(sql`select id from training_session where partnership_id = ${demo.tableId} and status = 'open' order by dates[1] limit 1`);
/** A planned session of the season (edited without telling anyone: nobody is registered). */
const plannedSession = (demo: Demo) => demo.one(sql`select id from training_session where partnership_id = ${demo.tableId} and status = 'planned' order by dates[1] limit 1`);
/** The latest given session: the demo worker completed it and has not evaluated it; the observer's grid is left to fill. */
const latestGiven = (demo: Demo) => demo.one(sql`select id from training_session where partnership_id = ${demo.tableId} and status = 'given' order by dates[1] desc limit 1`);
/** A given session the demo trainer gave (their sign-in sheet and session space). */
const trainersSession = (demo: Demo) =>
  demo.one(sql`
    select s.id from training_session s join trainer_profile tp on tp.id in (s.trainer_a_id, s.trainer_b_id) join person p on p.id = tp.person_id
    where s.partnership_id = ${demo.tableId} and s.status = 'given' and p.email = ${TRAINER} order by s.dates[1] desc limit 1`);
const versionOf = (demo: Demo, sessionId: string) => demo.one<number>(sql`select version from training_session where id = ${sessionId}`);

/** Someone of the Table the coordinator may add to a session who has never been registered to it. */
const unregisteredPerson = (demo: Demo, sessionId: string, variant: number) =>
  demo.one(sql`
    select p.id from person p where p.partnership_id = ${demo.tableId} and p.organization_id is not null and p.email <> ''
    and not exists (select 1 from training_registration r where r.session_id = ${sessionId} and r.person_id = p.id)
    order by p.id offset ${variant} limit 1`);

/** A person registered to the open session (the demo has none yet: one is registered, audited, the first time). */
async function registeredPerson(demo: Demo, sessionId: string): Promise<string> {
  const rows = rowsOf<{ id: string }>(
    await demo.db.execute(sql`select person_id as id from training_registration where session_id = ${sessionId} and status in ('registered', 'waitlisted') order by person_id limit 1`),
  );
  if (rows[0]) return rows[0].id;
  const personId = await unregisteredPerson(demo, sessionId, 40);
  await registerForSession(demo.db, systemActor("forms-cases", demo.tableId), { partnershipId: demo.tableId, sessionId, personId, mode: "coordinator" });
  return personId;
}

async function sessionFields(demo: Demo, sessionId: string): Promise<Fields> {
  const [s] = rowsOf<{ programId: string; dates: string[] | string; place: string; capacity: number; language: string; status: string; version: number }>(
    await demo.db.execute(
      sql`select program_id as "programId", dates, place, capacity, language, status, version from training_session where id = ${sessionId}`,
    ),
  );
  if (!s) throw new Error("no session");
  const dates = Array.isArray(s.dates) ? s.dates : s.dates.replace(/[{}]/g, "").split(",");
  return {
    version: String(s.version),
    programId: s.programId,
    day1: dates[0]!,
    day2: dates[1] ?? "",
    place: s.place || "Salle 1",
    capacity: String(s.capacity),
    language: s.language,
    status: s.status,
    trainerAId: "",
    trainerBId: "",
    observerPersonId: "",
  };
}

async function questions(demo: Demo, kind: "evaluation" | "observation"): Promise<Question[]> {
  const [row] = rowsOf<{ questions: Question[] | string }>(
    await demo.db.execute(sql`select questions from training_questionnaire where partnership_id = ${demo.tableId} and kind = ${kind} order by version desc limit 1`),
  );
  if (!row) throw new Error(`no ${kind} questionnaire`);
  return typeof row.questions === "string" ? (JSON.parse(row.questions) as Question[]) : row.questions;
}

/** A document in the trainer's session space (the demo has none: one is added, audited, when asked). */
async function sessionDocument(demo: Demo, sessionId: string): Promise<string> {
  const rows = rowsOf<{ id: string }>(await demo.db.execute(sql`select id from stored_file where owner_type = 'training_session' and owner_id = ${sessionId} order by created_at limit 1`));
  if (rows[0]) return rows[0].id;
  const personId = await demo.one<string>(sql`select id from person where email = ${TRAINER}`);
  const file = await addSessionDocument(demo.db, systemActor("forms-cases", demo.tableId), {
    partnershipId: demo.tableId,
    sessionId,
    personId,
    upload: { fileName: "programme.pdf", mediaType: "application/pdf", bytes: TINY_PDF },
  });
  return file.id;
}

export const trainingSessionCases: CaseBook = {
  "routes/training/sessions.new.tsx": [
    {
      name: "create a training session",
      kind: "create",
      as: COORDINATOR,
      url: () => "/training/sessions/new",
      body: async (demo, variant) => {
        const fields = await sessionFields(demo, await plannedSession(demo));
        delete fields.version;
        return { ...fields, day1: `2028-03-1${variant % 10}`, day2: "", status: "planned", notes: `Session ${variant}` };
      },
    },
  ],
  "routes/training/sessions.$sessionId.tsx": [
    {
      name: "edit a training session",
      kind: "edit",
      as: COORDINATOR,
      url: async (demo) => `/training/sessions/${await plannedSession(demo)}`,
      body: async (demo, variant) => ({ ...(await sessionFields(demo, await plannedSession(demo))), notes: `Notes, version ${variant}` }),
    },
    {
      name: "add a participant to a session",
      kind: "create",
      as: COORDINATOR,
      url: async (demo) => `/training/sessions/${await openSession(demo)}`,
      body: async (demo, variant) => ({ intent: "addParticipant", personId: await unregisteredPerson(demo, await openSession(demo), variant) }),
    },
    {
      name: "cancel a participant's registration",
      kind: "action",
      as: COORDINATOR,
      url: async (demo) => `/training/sessions/${await openSession(demo)}`,
      body: async (demo) => ({ intent: "cancelParticipant", personId: await registeredPerson(demo, await openSession(demo)) }),
    },
    {
      name: "set when registration to a session closes",
      kind: "edit",
      as: COORDINATOR,
      url: async (demo) => `/training/sessions/${await openSession(demo)}`,
      body: async (demo, variant) => ({ intent: "closing", version: String(await versionOf(demo, await openSession(demo))), registrationClosesDays: String(3 + variant) }),
    },
  ],
  "routes/training/sessions.$sessionId.attendance.tsx": [
    {
      name: "fill a session's sign-in sheet (the trainer)",
      kind: "edit",
      as: TRAINER,
      url: async (demo) => `/training/sessions/${await trainersSession(demo)}/attendance`,
      body: async (demo, variant) => {
        const sessionId = await trainersSession(demo);
        const sheet = (await listSessionParticipants(demo.db, demo.tableId, sessionId, 2)).filter((p) => p.status === "registered");
        const row = sheet[0];
        if (!row) throw new Error("no participant on the trainer's sheet");
        // Two variants, both different from the current mark and from each other: each really changes the sheet.
        const others = attendanceStatuses.filter((s) => s !== row.days[0]);
        return { version: String(attendanceSheetVersion(sheet)), [`day:${row.registrationId}:0`]: others[(variant + 1) % 2]! };
      },
    },
  ],
  "routes/training/sessions.$sessionId.evaluation.tsx": [
    {
      // A create (it carries a submission key), described as an action here: a participant
      // answers once, so the generic "two creates from one page" test cannot apply. The key is in
      // the body; tests/integration/training-evaluation.test.ts proves 20 parallel submissions
      // store one answer, that a retry lands on the same thanks page, and that a body without
      // the key is refused.
      name: "answer a session's evaluation (anonymous, once)",
      kind: "action",
      as: PARTICIPANT,
      url: async (demo) => `/training/sessions/${await latestGiven(demo)}/evaluation`,
      body: async (demo) => {
        const fields: Fields = { [SUBMISSION_KEY_FIELD]: randomUUID() };
        for (const q of await questions(demo, "evaluation")) {
          if (q.kind === "scale") fields[answerField(q.key)] = "5";
          if (q.kind === "yesno") fields[answerField(q.key)] = "yes";
        }
        return fields;
      },
    },
  ],
  "routes/training/sessions.$sessionId.observation.tsx": [
    {
      name: "save the observation grid of a session (draft)",
      kind: "edit",
      as: OBSERVER,
      url: async (demo) => `/training/sessions/${await latestGiven(demo)}/observation`,
      body: async (demo, variant) => {
        const sessionId = await latestGiven(demo);
        const version = await demo.one<number>(sql`select coalesce((select version from training_observation where session_id = ${sessionId}), 0)::int`);
        const scale = (await questions(demo, "observation")).find((q) => q.kind === "scale");
        if (!scale) throw new Error("no scale question in the observation grid");
        return { intent: "draft", version: String(version), [answerField(scale.key)]: String(3 + (variant % 2)) };
      },
    },
  ],
  "routes/training/sessions.$sessionId.space.tsx": [
    {
      name: "upload a document to a session space",
      kind: "create",
      as: TRAINER,
      url: async (demo) => `/training/sessions/${await trainersSession(demo)}/space`,
      body: () => ({ intent: "upload" }),
      file: { field: "document" },
    },
    {
      name: "remove a document from a session space",
      kind: "action",
      as: TRAINER,
      url: async (demo) => `/training/sessions/${await trainersSession(demo)}/space`,
      body: async (demo) => ({ intent: "removeDocument", fileId: await sessionDocument(demo, await trainersSession(demo)) }),
    },
    {
      name: "attach a guide exercise to a session",
      kind: "action",
      as: TRAINER,
      url: async (demo) => `/training/sessions/${await trainersSession(demo)}/space`,
      body: async (demo) => {
        const sessionId = await trainersSession(demo);
        const attached = new Set((await listSessionExercises(demo.db, demo.tableId, sessionId)).map((e) => e.key));
        const free = (await listGuideExercises(demo.db, demo.tableId)).find((e) => !attached.has(e.key));
        if (!free) throw new Error("no guide exercise left to attach");
        return { intent: "attachExercise", exerciseKey: free.key };
      },
    },
    {
      name: "detach a guide exercise from a session",
      kind: "action",
      as: COORDINATOR,
      url: async (demo) => `/training/sessions/${await latestGiven(demo)}/space`,
      body: async (demo) => {
        const [first] = await listSessionExercises(demo.db, demo.tableId, await latestGiven(demo));
        if (!first) throw new Error("no exercise attached to the latest given session");
        return { intent: "detachExercise", exerciseKey: first.key };
      },
    },
  ],
};
