/**
 * Diagnosis aid: EXPLAIN ANALYZE of every query the Table-at-work pages make, on one generated
 * Table (bench/generate-table-work.ts) in an in-memory PGlite.
 *   node --import tsx bench/explain-table-work.mts [case-name-substring]
 * Prints, per query, the execution time PostgreSQL reports and the plan's first lines.
 */
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "../app/modules/db/schema.ts";
import { migrationsFolder, pgliteExtensions, type Database } from "../app/modules/db/client.server.ts";
import { listMeetings } from "../app/modules/meetings/get-meeting.server.ts";
import { meetingAccess } from "../app/modules/meetings/meeting-access.server.ts";
import { listResponsibilities } from "../app/modules/responsibilities/list-responsibilities.server.ts";
import { loadContributionMatrix } from "../app/modules/partners/contribution-matrix.server.ts";
import { trainingStats } from "../app/modules/training-evaluation/training-stats.server.ts";
import { tableSummary } from "../app/modules/table-hub/table-summary.server.ts";
import { defaultScale, generateTableWork } from "./generate-table-work.ts";
import { quebecDay } from "../app/modules/time/days.ts";

const client = await PGlite.create({ extensions: pgliteExtensions });
const captured: { sql: string; params: unknown[] }[] = [];
const plain = drizzle({ client, schema }) as unknown as Database;
const logged = drizzle({ client, schema, logger: { logQuery: (text, params) => captured.push({ sql: text, params }) } }) as unknown as Database;
await migrate(plain as never, { migrationsFolder });
const data = await generateTableWork(plain, { ...defaultScale, tables: 2 }, new Date(), console.log);
await plain.execute(sql`analyze`);
const { coordinator, delegate, pivot } = data.viewers;
const today = quebecDay(new Date());

const cases: Record<string, () => Promise<unknown>> = {
  "responsibilities/mine (delegate)": () => listResponsibilities(logged, meetingAccess(delegate), { today, mine: true, filter: "open" }),
  "meetings (coordinator)": () => listMeetings(logged, meetingAccess(coordinator), "past", new Date()),
  "meetings (pivot)": () => listMeetings(logged, meetingAccess(pivot), "past", new Date()),
  "training/stats": () => trainingStats(logged, coordinator.partnershipId),
  "partners/matrix": () => loadContributionMatrix(logged, coordinator.partnershipId),
  "table (coordinator)": () => tableSummary(logged, coordinator, new Date()),
};
const only = process.argv[2];
for (const [name, run] of Object.entries(cases)) {
  if (only && !name.includes(only)) continue;
  captured.length = 0;
  const t0 = performance.now();
  await run();
  console.log(`\n### ${name}: ${(performance.now() - t0).toFixed(1)} ms in the application, ${captured.length} queries`);
  for (const q of [...captured]) {
    const plan = (await client.query<{ "QUERY PLAN": string }>(`explain (analyze) ${q.sql}`, q.params as unknown[])).rows.map((r) => r["QUERY PLAN"]);
    const exec = plan.find((l) => l.startsWith("Execution Time")) ?? "";
    console.log(`- ${exec}  ${q.sql.slice(0, 110).replace(/\s+/g, " ")}…`);
    console.log(plan.slice(0, 8).map((l) => `    ${l}`).join("\n"));
  }
}
await client.close();
