import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { SUBMISSION_KEY_FIELD } from "../../../app/modules/forms/submission-field.ts";
import type { CaseBook, Demo } from "../harness.ts";

const DEFINITION = "# Section | Section\n? q1 | single | required | Question | Question\n- yes | Oui | Yes\n- no | Non | No\n";
const SECTIONS = JSON.stringify([{ key: "s1", titleFr: "Section", titleEn: "Section", questions: [{ key: "q1", kind: "single", required: true, labelFr: "Question", labelEn: "Question", options: [{ value: "yes", labelFr: "Oui", labelEn: "Yes" }, { value: "no", labelFr: "Non", labelEn: "No" }] }] }]);

/** A draft survey of the demo Table, made for the case (the demo has none yet). */
async function draftSurvey(demo: Demo): Promise<string> {
  const id = await demo.one<string>(sql`insert into survey (partnership_id, title_fr, title_en, closes_on) values (${demo.tableId}, 'Cas', 'Case', '2030-06-30') returning id`);
  await demo.one(sql`insert into survey_version (partnership_id, survey_id, number, sections) values (${demo.tableId}, ${id}, 1, ${SECTIONS}::jsonb) returning id`);
  return id;
}

/** An open survey and one invitation whose token is known to the case. */
async function invitationToken(demo: Demo): Promise<string> {
  const id = await draftSurvey(demo);
  const version = await demo.one<string>(sql`update survey_version set published = true where survey_id = ${id} returning id`);
  await demo.one(sql`update survey set status = 'open', published_version_id = ${version} where id = ${id} returning id`);
  const token = `casetoken${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const personId = await demo.one<string>(sql`select id from person where partnership_id = ${demo.tableId} limit 1`);
  await demo.one(sql`insert into survey_invitation (partnership_id, survey_id, person_id, token_hash) values (${demo.tableId}, ${id}, ${personId}, encode(sha256(convert_to(${token}, 'UTF8')), 'hex')) returning id`);
  return token;
}

/** Forms of the surveys (app/routes/surveys): the coordinator creates a survey. */
export const surveysCases: CaseBook = {
  "routes/surveys/_index.tsx": [
    {
      name: "create a survey",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/surveys",
      body: (_demo, variant) => ({
        intent: "create",
        titleFr: `Sondage ${variant}`,
        titleEn: `Survey ${variant}`,
        anonymous: "yes",
        audience: "delegates",
        closesOn: "2030-06-30",
        definition: DEFINITION,
      }),
    },
  ],
  "routes/surveys/$surveyId.tsx": [
    {
      name: "edit a survey",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/surveys/${await draftSurvey(demo)}`,
      body: (_demo, variant) => ({ intent: "save", version: "1", titleFr: `Cas ${variant}`, titleEn: "Case", anonymous: "yes", audience: "delegates", closesOn: "2030-06-30", definition: DEFINITION }),
    },
  ],
  "routes/surveys/answer.$token.tsx": [
    {
      // One answer per single-use link: the harness's "create" (a second record at the same URL)
      // cannot hold, as for a vote. The form still carries its key: a replay lands on the thanks page.
      name: "answer a survey by its link",
      kind: "action",
      as: "anonymous",
      url: async (demo) => `/surveys/answer/${await invitationToken(demo)}`,
      // The form's own key (the page renders one): without it the answer is "expired", not sent.
      body: () => ({ intent: "submit", a_q1: "yes", [SUBMISSION_KEY_FIELD]: randomUUID() }),
    },
  ],
};
