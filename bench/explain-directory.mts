import pg from "pg";
import { openPostgres } from "../app/modules/db/client.server.ts";
import { generateDirectory } from "./generate-directory.ts";
import { searchDirectory } from "../app/modules/directory/search-directory.server.ts";
const base = "postgresql://postgres@127.0.0.1:5432/test";
const name = "filet_bench_explain";
const admin = new pg.Client({ connectionString: base }); await admin.connect();
const exists = (await admin.query("select 1 from pg_database where datname=$1", [name])).rowCount;
if (!exists) await admin.query(`create database ${name}`);
await admin.end();
const url = base.replace(/\/test$/, `/${name}`);
const h = await openPostgres(url, 2);
const [{ n }] = (await h.db.execute((await import("drizzle-orm")).sql`select count(*)::int as n from person`) as unknown as { rows: { n: number }[] }).rows;
if (n === 0) await generateDirectory(h.db, { log: console.log });
const c = new pg.Client({ connectionString: url }); await c.connect();
const pid = (await c.query("select partnership_id from pivot_designation limit 1")).rows[0].partnership_id;
// capture SQL via a logging proxy
const { drizzle } = await import("drizzle-orm/node-postgres");
const schema = await import("../app/modules/db/schema.ts");
let captured: { sql: string; params: unknown[] } | null = null;
const pool = new pg.Pool({ connectionString: url });
const db = drizzle(pool, { schema, logger: { logQuery: (sql, params) => { captured = { sql, params }; } } });
for (const q of [process.argv[2] ?? "helene gagnon"]) {
  await searchDirectory(db as never, { partnershipId: pid, q, freshnessMonths: 6 });
  const r = await c.query(`explain (analyze, buffers) ${captured!.sql}`, captured!.params as unknown[]);
  console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
}
await c.end(); await pool.end(); await h.close();
