/**
 * The evaluation dashboard (issue 12) at 17 Tables of generated data: `getDashboard()` — every
 * registry indicator for the current fiscal year and the previous one — for the first Table's
 * coordinator (exact figures) and for an evaluator (protected: disclosure control on every
 * figure), p50/p95 over BENCH_EVAL_RUNS calls after 2 warm-up calls, on PGlite and, with
 * DATABASE_URL, on PostgreSQL. Budget: p95 ≤ 1.5 s protected on PGlite (docs/PERFORMANCE.md).
 *
 * The Tables are those of bench/generate-table-work.ts (organizations, members, meetings with
 * invitations, responsibilities, commitments, training sessions with registrations), with what
 * the indicators also read added here in bulk SQL: attendance at past meetings and at given
 * training days, pivot designations, pivot activities, delegate terms, consultations with a
 * message each, and the metrics left by consultations past their retention period.
 *
 * Options (environment): BENCH_EVAL_RUNS (20), BENCH_EVAL_TABLES (17), BENCH_BACKENDS.
 */
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "../app/modules/db/client.server.ts";
import { rowsOf } from "../app/modules/db/rows.ts";
import { computeFigures } from "../app/modules/indicators/compute-figures.server.ts";
import { getDashboard, resolvePeriods } from "../app/modules/indicators/get-dashboard.server.ts";
import { indicatorRegistry } from "../app/modules/indicators/registry.server.ts";
import { defaultScale, generateTableWork } from "./generate-table-work.ts";
import { budget, createTempDatabase, envList, envNumber, percentile, writeResult } from "./lib.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const RUNS = envNumber("BENCH_EVAL_RUNS", 20);
const TABLES = envNumber("BENCH_EVAL_TABLES", 17);
const BUDGET_MS = 1500;

/** What the indicators read beyond the Table-at-work data, for one Table. */
async function addEvaluationData(db: Database, partnershipId: string): Promise<void> {
  await db.execute(sql`
    update meeting_invitation i
       set rsvp = 'yes',
           attendance = case when random() < 0.75 then 'present' when random() < 0.6 then 'excused' else 'absent' end
      from meeting m
     where m.id = i.meeting_id and m.starts_at < now() and i.partnership_id = ${partnershipId}`);
  await db.execute(sql`
    insert into training_attendance (partnership_id, registration_id, day_index, status)
    select r.partnership_id, r.id, d, case when r.completed_at is not null then 'present' when random() < 0.5 then 'partial' else 'absent' end
      from training_registration r
      join training_session s on s.id = r.session_id
     cross join generate_series(0, 1) d
     where r.partnership_id = ${partnershipId} and s.status = 'given'`);
  // Every pivot of the Table designated in their organization over eight years; a fifth have left.
  await db.execute(sql`
    insert into pivot_designation (partnership_id, organization_id, person_id, rank, since, until, end_reason)
    select p.partnership_id, p.organization_id, p.id,
           case when row_number() over (partition by p.organization_id order by p.id) = 1 then 'primary' else 'backup' end,
           current_date - (30 + floor(random() * 2900))::int,
           case when random() < 0.2 then current_date - floor(random() * 700)::int end,
           ''
      from person p
     where p.partnership_id = ${partnershipId}
       and exists (select 1 from role_assignment ra where ra.person_id = p.id and ra.role = 'pivot')`);
  await db.execute(sql`
    update pivot_designation set until = since + 30 where partnership_id = ${partnershipId} and until is not null and until <= since`);
  // Forty activities per pivot over five years.
  await db.execute(sql`
    insert into pivot_activity (partnership_id, organization_id, person_id, type, occurred_on, duration_minutes, audience, audience_size)
    select d.partnership_id, d.organization_id, d.person_id,
           (array['awareness_session','consultation_given','case_discussion','management_briefing','meeting_attended','training_received'])[1 + floor(random() * 6)::int],
           current_date - floor(random() * 1825)::int,
           30 + floor(random() * 150)::int,
           '',
           case when random() < 0.4 then floor(random() * 40)::int end
      from pivot_designation d
     cross join generate_series(1, 40)
     where d.partnership_id = ${partnershipId}`);
  await db.execute(sql`
    insert into partner_delegate_term (partnership_id, organization_id, person_id, kind, since, until)
    select ra.partnership_id, ra.organization_id, ra.person_id, case when random() < 0.7 then 'delegate' else 'substitute' end,
           current_date - (100 + floor(random() * 2000))::int, case when random() < 0.3 then current_date - floor(random() * 90)::int end
      from role_assignment ra
     where ra.partnership_id = ${partnershipId} and ra.role = 'table_member' and ra.organization_id is not null`);
  // 1,500 consultations over five years, from workers to an organization's pivots; most answered and closed.
  await db.execute(sql`
    with orgs as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from organization where partnership_id = ${partnershipId}),
    askers as (
      select id, organization_id, row_number() over (order by random()) as k, now() - random() * interval '5 years' as asked
        from person where partnership_id = ${partnershipId} and organization_id is not null
       limit 1500)
    insert into consultation (partnership_id, asker_person_id, asker_organization_id, target_organization_id, subject, context, question, urgency, status, first_response_at, closed_at, created_at)
    select ${partnershipId}, a.id, a.organization_id, o.id, 'Sujet', 'Contexte sans identité', 'Question',
           (array['low','normal','normal','high'])[1 + floor(random() * 4)::int],
           case when a.asked > now() - interval '10 days' then 'taken' else 'closed' end,
           a.asked + random() * interval '3 days',
           case when a.asked > now() - interval '10 days' then null else a.asked + interval '5 days' end,
           a.asked
      from askers a join orgs o on o.n = (a.k * 7) % o.total`);
  await db.execute(sql`
    insert into consultation_message (consultation_id, partnership_id, author_person_id, body, created_at)
    select id, partnership_id, asker_person_id, 'Message', created_at from consultation where partnership_id = ${partnershipId}`);
  await db.execute(sql`
    insert into consultation_metric (partnership_id, target_organization_id, asker_organization_id, month, urgency, response_minutes)
    select ${partnershipId}, o.id, o.id, date_trunc('month', now() - interval '5 years' - random() * interval '4 years')::date, 'normal', floor(random() * 4000)::int
      from organization o cross join generate_series(1, 20)
     where o.partnership_id = ${partnershipId}`);
}

async function open(backend: "pglite" | "postgres"): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> } | null> {
  if (backend === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-bench-eval-"));
    return { handle: await openPglite(dir), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!process.env.DATABASE_URL) return null;
  const temp = await createTempDatabase(process.env.DATABASE_URL, "filet_bench_eval");
  return { handle: await openPostgres(temp.url, 10), cleanup: temp.drop };
}

interface EvalCase {
  name: string;
  p50: number;
  p95: number;
  max: number;
  indicators: number;
}

/** Where the dashboard's time goes: each indicator's queries for the period and the previous one (median of 3). */
async function slowestIndicators(db: Database, partnershipId: string): Promise<{ code: string; ms: number }[]> {
  const p = await resolvePeriods(db, partnershipId, null, null);
  const timed: { code: string; ms: number }[] = [];
  for (const definition of indicatorRegistry) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      for (const period of [p.period, p.previous]) await computeFigures(db, definition, { partnershipId, period, by: null, today: p.today });
      times.push(performance.now() - t0);
    }
    timed.push({ code: definition.code, ms: percentile(times.sort((a, b) => a - b), 50) });
  }
  return timed.sort((a, b) => b.ms - a.ms);
}

async function measure(name: string, run: () => Promise<number>): Promise<EvalCase> {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  let indicators = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    indicators = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, indicators };
}

export async function runEvaluationBench(): Promise<void> {
  const backends = envList("BENCH_BACKENDS", "pglite,postgres");
  const results: { backend: string; generateSeconds: number; counts: Record<string, number>; cases: EvalCase[]; slowest: { code: string; ms: number }[] }[] = [];
  for (const backend of backends) {
    if (backend !== "pglite" && backend !== "postgres") continue;
    console.log(`\n  Evaluation dashboard, ${TABLES} Tables: ${backend}`);
    const opened = await open(backend);
    if (!opened) {
      console.log("  skipped: set DATABASE_URL to measure PostgreSQL");
      continue;
    }
    const { handle, cleanup } = opened;
    try {
      const t0 = performance.now();
      const data = await generateTableWork(handle.db, { ...defaultScale, tables: TABLES }, new Date());
      for (const id of data.partnershipIds) await addEvaluationData(handle.db, id);
      await handle.db.execute(sql`analyze`);
      const generateSeconds = (performance.now() - t0) / 1000;
      const counted = rowsOf<{ what: string; n: number }>(await handle.db.execute(sql`
        select 'pivot activities' as what, count(*)::int as n from pivot_activity
        union all select 'designations', count(*)::int from pivot_designation
        union all select 'consultations', count(*)::int from consultation
        union all select 'training attendance days', count(*)::int from training_attendance`));
      const counts = { ...data.counts, ...Object.fromEntries(counted.map((r) => [r.what, r.n])) };
      console.log(`  generated in ${generateSeconds.toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
      const partnershipId = data.partnershipIds[0]!;
      const dashboard = (exact: boolean, by: "organization" | null) => async () => {
        const d = await getDashboard(handle.db, { partnershipId, periodKey: null, by, foundedYear: null, exact });
        return d.themes.reduce((n, t) => n + t.indicators.length, 0);
      };
      const cases: EvalCase[] = [];
      for (const [name, run] of [
        ["exact (coordinator)", dashboard(true, null)],
        ["protected (evaluator)", dashboard(false, null)],
        ["protected, by organization", dashboard(false, "organization")],
      ] as const) {
        const c = await measure(name, run);
        cases.push(c);
        console.log(`  getDashboard ${name.padEnd(28)} p50 ${c.p50.toFixed(0).padStart(6)} ms  p95 ${c.p95.toFixed(0).padStart(6)} ms  max ${c.max.toFixed(0).padStart(6)} ms  (${c.indicators} indicators, ${RUNS} runs)`);
      }
      const slowest = await slowestIndicators(handle.db, partnershipId);
      console.log(`  slowest indicators (period and previous, median of 3): ${slowest.slice(0, 6).map((s) => `${s.code} ${s.ms.toFixed(0)} ms`).join(", ")}`);
      if (backend === "pglite") {
        const protectedCase = cases.find((c) => c.name === "protected (evaluator)")!;
        budget({ what: `/evaluation getDashboard protected p95, ${TABLES} Tables (PGlite)`, value: protectedCase.p95, limit: BUDGET_MS, atMost: true, format: (n) => `${n.toFixed(0)} ms` });
      }
      results.push({ backend, generateSeconds, counts, cases, slowest });
    } finally {
      await handle.close();
      await cleanup();
    }
  }
  writeResult("evaluation", { runs: RUNS, tables: TABLES, results });
}
