import type { CaseBook } from "../harness.ts";
import { adminCases } from "./admin.ts";
import { evaluationReportCases } from "./evaluation-reports.ts";
import { guideCases } from "./guide.ts";
import { identityCases } from "./identity.ts";
import { networkCases } from "./network.ts";
import { tableCases } from "./table.ts";
import { trainingCases } from "./training.ts";
import { trainingSessionCases } from "./training-sessions.ts";
import { evaluationCases } from "./evaluation.ts";
import { privacyCases } from "./privacy.ts";
import { retentionCases } from "./retention.ts";
import { ssoCases } from "./sso.ts";
import { forumCases, proposalCases } from "./forum.ts";
import { newsCases } from "./news.ts";
import { subjectCases } from "./subjects.ts";
import { statisticsCases } from "./statistics.ts";
import { surveysCases } from "./surveys.ts";
import { pivotMeetingPageCases } from "./pivot-meetings.ts";

/** Every route file with an action → its forms. One file per area, so areas grow apart. */
export const caseBook: CaseBook = {
  ...identityCases,
  ...adminCases,
  ...networkCases,
  ...guideCases,
  ...trainingCases,
  ...trainingSessionCases,
  ...tableCases,
  ...evaluationCases,
  ...evaluationReportCases,
  ...privacyCases,
  ...retentionCases,
  ...ssoCases,
  ...forumCases,
  ...proposalCases,
  ...newsCases,
  ...subjectCases,
  ...statisticsCases,
  ...surveysCases,
  // The pivot meetings' forms live on the meeting page, beside the Table's meeting forms.
  "routes/meetings/$meetingId.tsx": [...(tableCases["routes/meetings/$meetingId.tsx"] ?? []), ...pivotMeetingPageCases],
};
