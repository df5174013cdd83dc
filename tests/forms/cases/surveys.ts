import type { CaseBook } from "../harness.ts";

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
        definition: "# Section | Section\n? q1 | single | required | Question | Question\n- yes | Oui | Yes\n- no | Non | No\n",
      }),
    },
  ],
};
