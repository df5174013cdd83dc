import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * Forms of the statistics per period (app/modules/demo/seed-statistics.server.ts): the
 * coordinator defines data sets and categories and reviews reports; CJQ-IU's delegate enters
 * the current quarter (a draft in the demo).
 */
const LIVE = (demo: Demo) => sql`select id from statistics_data_set where partnership_id = ${demo.tableId} and last_period is null and name_en = 'Quarterly statistics'`;
const liveSet = (demo: Demo) => demo.one(LIVE(demo));
const cjqDraft = (demo: Demo) =>
  demo.one<string>(sql`select s.id from statistics_submission s join organization o on o.id = s.organization_id where s.partnership_id = ${demo.tableId} and o.acronym = 'CJQ-IU' and s.status = 'draft'`);
const entryUrl = async (demo: Demo) => {
  const id = await cjqDraft(demo);
  const row = await demo.one<string>(sql`select data_set_id || '/' || organization_id || '/' || period_key from statistics_submission where id = ${id}`);
  return `/statistics/entry/${row}`;
};
const element = (demo: Demo, code: string) => demo.one(sql`select id from statistics_data_element where data_set_id = (${LIVE(demo)}) and code = ${code}`);
const submitted = (demo: Demo) => demo.one(sql`select s.id from statistics_submission s join organization o on o.id = s.organization_id where s.partnership_id = ${demo.tableId} and o.acronym = 'SPVQ' and s.status = 'submitted'`);
const category = (demo: Demo) => demo.one(sql`select id from statistics_category where partnership_id = ${demo.tableId} and code = 'source'`);

export const statisticsCases: CaseBook = {
  "routes/statistics/data-sets.tsx": [
    {
      name: "create a data set",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/statistics/data-sets",
      body: (_demo, variant) => ({ nameFr: `Statistiques annuelles ${variant}`, nameEn: `Yearly statistics ${variant}`, periodType: "year", organizationTypes: ["police", "community"], entryWindowDays: "60", timelinessDays: "30", firstPeriod: "2020", lastPeriod: "" }),
    },
  ],
  "routes/statistics/data-sets.$dataSetId.tsx": [
    {
      name: "edit a data set",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/statistics/data-sets/${await liveSet(demo)}`,
      body: async (demo, variant) => ({
        intent: "dataSet",
        version: String(await demo.one<number>(sql`select version from statistics_data_set where id = ${await liveSet(demo)}`)),
        nameFr: `Statistiques trimestrielles (${variant})`,
        nameEn: "Quarterly statistics",
        periodType: "quarter",
        organizationTypes: ["youth_protection", "police", "community", "health_social_services"],
        entryWindowDays: "100",
        timelinessDays: String(40 + variant),
        firstPeriod: await demo.one<string>(sql`select first_period from statistics_data_set where id = ${await liveSet(demo)}`),
        lastPeriod: "",
      }),
    },
    {
      name: "add a data element",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/statistics/data-sets/${await liveSet(demo)}`,
      body: (_demo, variant) => ({ intent: "addElement", code: `fugues_${variant}_${Date.now() % 100000}`, nameFr: "Fugues déclarées", nameEn: "Runaways reported", rowCategoryId: "", columnCategoryId: "", indicatorCode: "" }),
    },
    {
      name: "edit a data element",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/statistics/data-sets/${await liveSet(demo)}`,
      body: async (demo, variant) => {
        const id = await element(demo, "dpj_reports");
        return {
          intent: "element",
          elementId: id,
          version: String(await demo.one<number>(sql`select version from statistics_data_element where id = ${id}`)),
          code: "dpj_reports",
          nameFr: `Signalements à la DPJ (${variant})`,
          nameEn: "Reports to the DPJ",
          rowCategoryId: await demo.one<string>(sql`select id from statistics_category where partnership_id = ${demo.tableId} and code = 'age'`),
          columnCategoryId: "",
          indicatorCode: "stats_dpj_reports",
        };
      },
    },
  ],
  "routes/statistics/categories.tsx": [
    {
      name: "create a category",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/statistics/categories",
      body: (_demo, variant) => ({ intent: "create", code: `region_${variant}_${Date.now() % 100000}`, nameFr: "Territoire", nameEn: "Territory", options: "nord | Nord | North\nsud | Sud | South" }),
    },
    {
      name: "edit a category",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/statistics/categories",
      body: async (demo, variant) => ({
        intent: "edit",
        categoryId: await category(demo),
        version: String(await demo.one<number>(sql`select version from statistics_category where id = ${await category(demo)}`)),
        nameFr: `Source de référence (${variant})`,
        nameEn: "Referral source",
        newOptions: "",
      }),
    },
  ],
  "routes/statistics/entry.$dataSetId.$organizationId.$period.tsx": [
    {
      name: "save a section of the quarter",
      kind: "edit",
      as: "delegue.cjq@filet.test",
      url: entryUrl,
      body: async (demo, variant) => ({
        intent: "section",
        version: String(await demo.one<number>(sql`select version from statistics_submission where id = ${await cjqDraft(demo)}`)),
        elementId: await element(demo, "dpj_reports"),
        "cell:a12_13": "1",
        "cell:a14_15": String(variant),
        "cell:a16_17": "2",
        "cell:total": "",
        confirmJump: "yes",
      }),
    },
  ],
  "routes/statistics/reports.$reportId.tsx": [
    {
      name: "return a report with a comment",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/statistics/reports/${await submitted(demo)}`,
      body: async (demo, variant) => ({ intent: "review", version: String(await demo.one<number>(sql`select version from statistics_submission where id = ${await submitted(demo)}`)), decision: "return", comment: `Vérifier les totaux (${variant})` }),
    },
  ],
};
