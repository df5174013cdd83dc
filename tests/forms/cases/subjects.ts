import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CaseBook } from "../harness.ts";
import { SUBMISSION_KEY_FIELD } from "../../../app/modules/forms/submission-field.ts";

/**
 * "Start a discussion" on a Filet object (/network/subjects/:type/:id, issue 14 §1). It is a
 * create with its submission key, but an object has ONE thread: a second submission with a new
 * key answers the first thread and writes no second one, which the harness's create check
 * ("the same delta twice") cannot take. So it is an "action" carrying its own fresh key; the
 * double and concurrent openings are proved in tests/integration/network-subjects.test.ts.
 */
export const subjectCases: CaseBook = {
  "routes/network/subjects.$subjectType.$subjectId.tsx": [
    {
      name: "start a discussion on an action-plan action",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) =>
        `/network/subjects/action_plan_action/${await demo.one(sql`select a.id from action_plan_action a where a.partnership_id = ${demo.tableId} and not exists (select 1 from forum_thread t where t.subject_id = a.id) order by a.title limit 1`)}`,
      body: (_demo, variant) => ({ body: `Où en sommes-nous (${variant})?`, [SUBMISSION_KEY_FIELD]: randomUUID() }),
    },
  ],
};
