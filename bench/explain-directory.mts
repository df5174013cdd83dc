/**
 * Diagnosis aid: EXPLAIN ANALYZE of the directory search on a province-scale PostgreSQL
 * database (generated once into the database "filet_bench_explain", kept between runs).
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node --import tsx bench/explain-directory.mts "helene gagnon"
 * BENCH_PEOPLE (100,000) sets the size, with one organization per 50 people, into a database of
 * its own (filet_bench_explain_<people>).
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../app/modules/db/schema.ts";
import { openPostgres, type Database } from "../app/modules/db/client.server.ts";
import { searchDirectory } from "../app/modules/directory/search-directory.server.ts";
import { generateDirectory } from "./generate-directory.ts";

const base = process.env.DATABASE_URL;
if (!base) throw new Error("Set DATABASE_URL (a PostgreSQL server where a database may be created).");
const people = Number(process.env.BENCH_PEOPLE ?? 100_000);
const name = people === 100_000 ? "filet_bench_explain" : `filet_bench_explain_${people}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
if (!(await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount) await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;
const handle = await openPostgres(url.toString(), 2);
const [row] = (await handle.db.execute(sql`select count(*)::int as n from person`)).rows as { n: number }[];
if (!row?.n) await generateDirectory(handle.db, { people, organizations: Math.max(2000, Math.round(people / 50)), log: console.log });
await handle.db.execute(sql`analyze`);

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const partnershipId = (await client.query("select partnership_id from pivot_designation limit 1")).rows[0].partnership_id as string;
let captured: { sql: string; params: unknown[] } | null = null;
const pool = new pg.Pool({ connectionString: url.toString() });
const logged = drizzle(pool, { schema, logger: { logQuery: (text, params) => (captured = { sql: text, params }) } });
await searchDirectory(logged as unknown as Database, { partnershipId, q: process.argv[2] ?? "", freshnessMonths: 6 });
const plan = await client.query(`explain (analyze, buffers) ${captured!.sql}`, captured!.params);
console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
await client.end();
await pool.end();
await handle.close();
