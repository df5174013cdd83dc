import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/** Forms of the evaluation's indicator pages: a target set, edited, removed (the Table coordinator). */

const TYPES = ["youth_protection", "police", "community", "health_social_services", "school"];

const url = () => "/evaluation/indicators/directory_freshness?period=fy2030";

/** A target of the fixture period, made on first need (the demo's targets are for the current fiscal year). */
async function fixtureTarget(demo: Demo): Promise<{ id: string; version: number }> {
  await demo.db.execute(sql`insert into indicator_target (partnership_id, indicator_code, period_key, scope_kind, scope_key, target)
    values (${demo.tableId}, 'directory_freshness', 'fy2030', 'table', '', 70) on conflict do nothing`);
  const id = await demo.one(sql`select id from indicator_target where partnership_id = ${demo.tableId} and indicator_code = 'directory_freshness' and period_key = 'fy2030' and scope_kind = 'table'`);
  const version = await demo.one<number>(sql`select version from indicator_target where id = ${id}`);
  return { id, version };
}

export const evaluationCases: CaseBook = {
  "routes/evaluation/indicators.$code.tsx": [
    {
      name: "set an indicator's target for a period",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/evaluation/indicators/pivot_coverage?period=fy2031",
      // Each variant its own scope: a second "set" of one scope is a conflict, not an overwrite.
      body: (_demo, variant) => ({ intent: "set", scope: variant === 1 ? "table" : `organization_type:${TYPES[variant % TYPES.length]}`, target: String(50 + (variant % 40)), note: "" }),
    },
    {
      name: "change a target",
      kind: "edit",
      as: "coordination@filet.test",
      url,
      body: async (demo, variant) => {
        const t = await fixtureTarget(demo);
        return { intent: "edit", targetId: t.id, version: String(t.version), target: String(60 + (variant % 30)), note: `Note ${variant}` };
      },
    },
  ],
};
