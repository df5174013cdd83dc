/**
 * The pivot network's benchmark (issue 14 §7): one space of the whole network with 10,000
 * threads and 100,000 posts (generated in the bench database, never demo data), a second Table
 * and a milieu with their own threads so every query has to scope. Measured through the
 * functions the pages' loaders call: `listThreads` (/network/spaces/:id, first and a deep page)
 * and `searchForum` (/network/search: a rare word, a common word, two words, accents), p50/p95
 * over BENCH_FORUM_QUERIES calls each after 10 warm-up calls, on PGlite and, with DATABASE_URL,
 * PostgreSQL (a fresh database created and dropped for the run).
 *
 * Runs standalone (`node --import tsx bench/forum.ts`) or in `npm run bench` (part "forum").
 * Options (environment): BENCH_FORUM_THREADS (10000), BENCH_FORUM_POSTS (100000),
 * BENCH_FORUM_QUERIES (100), BENCH_BACKENDS ("pglite,postgres").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "../app/modules/db/client.server.ts";
import { organization, partnership } from "../app/modules/governance/tables.ts";
import { person, roleAssignment } from "../app/modules/people/tables.ts";
import { forumSpace } from "../app/modules/forum/tables.ts";
import { forumViewerOf, type ForumViewer } from "../app/modules/forum/access.server.ts";
import { listThreads } from "../app/modules/forum/open-thread.server.ts";
import { searchForum } from "../app/modules/forum/search-forum.server.ts";
import { budget, createTempDatabase, envList, envNumber, ms, percentile, writeResult } from "./lib.ts";

const THREADS = envNumber("BENCH_FORUM_THREADS", 10_000);
const POSTS = envNumber("BENCH_FORUM_POSTS", 100_000);
const QUERIES = envNumber("BENCH_FORUM_QUERIES", 100);

/** Case → p95 budget in ms, per backend (docs/PERFORMANCE.md, "The pivot network"). */
export const forumBudgets: Record<string, { pglite: number; postgres: number }> = {
  "list, first page": { pglite: 25, postgres: 25 },
  "list, page 100": { pglite: 50, postgres: 50 },
  "search, rare word": { pglite: 25, postgres: 25 },
  // Worst case by construction: the word is in one post of two (a vocabulary of 20 words).
  "search, common word": { pglite: 150, postgres: 150 },
  "search, two words with accents": { pglite: 150, postgres: 150 },
};

// Words of the network's talk: a post is a dozen of these twenty (so each is in about one post of
// two, a worst case for "%word%"), and one post in 200 has one of the five rare words.
const COMMON = ["rencontre", "pivots", "accueil", "demande", "formation", "équipe", "partage", "soir", "semaine", "école", "service", "référence", "atelier", "ressource", "horaire", "suivi", "réseau", "intervention", "milieu", "question"];
const RARE = ["lévis", "protocole", "hébergement", "traduction", "dépliant"];

interface Generated {
  viewer: ForumViewer;
  spaceId: string;
  counts: Record<string, number>;
}

/** Generation in set-based INSERT … SELECT from generate_series: 100,000 posts in seconds, not minutes. */
export async function generate(db: Database): Promise<Generated> {
  const uuid = () => crypto.randomUUID();
  const [tableA, tableB] = [uuid(), uuid()];
  await db.insert(partnership).values([
    { id: tableA, slug: `bench-forum-a-${tableA.slice(0, 8)}`, nameFr: "Table A", nameEn: "Table A" },
    { id: tableB, slug: `bench-forum-b-${tableB.slice(0, 8)}`, nameFr: "Table B", nameEn: "Table B" },
  ]);
  const orgs = [
    { id: uuid(), partnershipId: tableA, type: "police" as const, nameFr: "Police", nameEn: "Police", acronym: "POL" },
    { id: uuid(), partnershipId: tableA, type: "school" as const, nameFr: "École", nameEn: "School", acronym: "ECO" },
    { id: uuid(), partnershipId: tableB, type: "police" as const, nameFr: "Police B", nameEn: "Police B", acronym: "POLB" },
  ];
  await db.insert(organization).values(orgs);
  const people = Array.from({ length: 200 }, (_, i) => ({ id: uuid(), partnershipId: i < 150 ? tableA : tableB, organizationId: i < 150 ? orgs[i % 2]!.id : orgs[2]!.id, givenName: `Pivot${i}`, familyName: "Banc" }));
  await db.insert(person).values(people);
  await db.insert(roleAssignment).values(people.map((p) => ({ personId: p.id, role: "pivot" as const, partnershipId: p.partnershipId, organizationId: p.organizationId })));
  const network = uuid();
  const milieu = uuid();
  const other = uuid();
  await db.insert(forumSpace).values([
    { id: network, partnershipId: tableA, kind: "network" },
    { id: milieu, partnershipId: tableA, kind: "milieu", milieu: "school" },
    { id: other, partnershipId: tableB, kind: "network" },
  ]);
  const words = (list: string[]) => sql.raw(`array[${list.map((w) => `'${w}'`).join(",")}]`);
  const authorsA = sql.raw(`array[${people.filter((p) => p.partnershipId === tableA).map((p) => `'${p.id}'::uuid`).join(",")}]`);
  const authorsB = sql.raw(`array[${people.filter((p) => p.partnershipId === tableB).map((p) => `'${p.id}'::uuid`).join(",")}]`);
  const perThread = Math.max(1, Math.round(POSTS / THREADS));
  // The big space, then a tenth as much elsewhere (a milieu of the same Table, another Table).
  const spaces: [string, string, typeof authorsA, number][] = [
    [network, tableA, authorsA, THREADS],
    [milieu, tableA, authorsA, Math.ceil(THREADS / 10)],
    [other, tableB, authorsB, Math.ceil(THREADS / 10)],
  ];
  for (const [spaceId, partnershipId, authors, threads] of spaces) {
    await db.execute(sql`
      insert into forum_thread (id, partnership_id, space_id, title, author_person_id, post_count, last_post_at, search_text, created_at)
      select gen_random_uuid(), ${partnershipId}::uuid, ${spaceId}::uuid,
             'Fil ' || g || ' : ' || (${words(COMMON)})[1 + g % 20] || ' et ' || (${words(COMMON)})[1 + (g * 7) % 20],
             (${authors})[1 + g % array_length(${authors}, 1)],
             ${perThread}, now() - (g || ' minutes')::interval,
             'fil ' || g || ' ' || (${words(COMMON)})[1 + g % 20] || ' et ' || (${words(COMMON)})[1 + (g * 7) % 20],
             now() - (g || ' minutes')::interval
      from generate_series(1, ${threads}) g`);
    // Posts: a dozen common words, one in 200 with a rare word; folded search text as the app writes it.
    await db.execute(sql`
      insert into forum_post (id, partnership_id, space_id, thread_id, position, author_person_id, body, search_text, created_at)
      select gen_random_uuid(), t.partnership_id, t.space_id, t.id, p,
             (${authors})[1 + (p + length(t.title)) % array_length(${authors}, 1)], body, lower(translate(body, 'éèêàâçîôû', 'eeeaaciou')), t.last_post_at
      from forum_thread t
      cross join generate_series(1, ${perThread}) p
      cross join lateral (
        select array_to_string(array(select (${words(COMMON)})[1 + ((hashtext(t.id::text) + p * 31 + w * 17) & 2147483647) % 20] from generate_series(1, 12) w), ' ')
               || case when (hashtext(t.id::text) + p) % 200 = 0 then ' ' || (${words(RARE)})[1 + (abs(hashtext(t.id::text)) % 5)] else '' end as body
      ) b
      where t.space_id = ${spaceId}::uuid`);
  }
  await db.execute(sql`analyze`);
  const count = async (table: string) => Number(((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const reader = people[2]!;
  const viewer = await forumViewerOf(db, { personId: reader.id, partnershipId: tableA, roles: [{ role: "pivot", partnershipId: tableA, organizationId: reader.organizationId }] });
  return { viewer: viewer!, spaceId: network, counts: { threads: await count("forum_thread"), posts: await count("forum_post") } };
}

export interface ForumCase {
  name: string;
  p50: number;
  p95: number;
  max: number;
  rows: number;
  budget: number;
}

async function measure(name: string, run: () => Promise<number>, limit: number): Promise<ForumCase> {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    rows = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, rows, budget: limit };
}

async function open(backend: "pglite" | "postgres"): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> } | null> {
  if (backend === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-bench-forum-"));
    const handle = await openPglite(dir);
    return { handle, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (!process.env.DATABASE_URL) return null;
  const temp = await createTempDatabase(process.env.DATABASE_URL, "filet_bench_forum");
  const handle = await openPostgres(temp.url, 10);
  return { handle, cleanup: temp.drop };
}

export async function runForumBench(): Promise<{ backend: string; generateSeconds: number; counts: Record<string, number>; cases: ForumCase[] }[]> {
  const results = [];
  console.log(`\nThe pivot network (issue 14 §7): a space of ${THREADS.toLocaleString("en-US")} threads and ${POSTS.toLocaleString("en-US")} posts`);
  for (const backend of envList("BENCH_BACKENDS", "pglite,postgres")) {
    if (backend !== "pglite" && backend !== "postgres") continue;
    const opened = await open(backend);
    if (!opened) {
      console.log(`  ${backend}: skipped (set DATABASE_URL to measure PostgreSQL)`);
      continue;
    }
    const { handle, cleanup } = opened;
    try {
      const t0 = performance.now();
      const data = await generate(handle.db);
      const generateSeconds = (performance.now() - t0) / 1000;
      console.log(`  ${backend}: generated ${data.counts.threads} threads, ${data.counts.posts} posts in ${generateSeconds.toFixed(1)} s`);
      const { viewer, spaceId } = data;
      const runs: Record<string, () => Promise<number>> = {
        "list, first page": async () => (await listThreads(handle.db, viewer, spaceId, { limit: 50, offset: 0 })).threads.length,
        "list, page 100": async () => (await listThreads(handle.db, viewer, spaceId, { limit: 50, offset: 99 * 50 })).threads.length,
        "search, rare word": async () => (await searchForum(handle.db, viewer, "protocole")).length,
        "search, common word": async () => (await searchForum(handle.db, viewer, "accueil")).length,
        "search, two words with accents": async () => (await searchForum(handle.db, viewer, "Hébergement réseau")).length,
      };
      const cases: ForumCase[] = [];
      for (const [name, run] of Object.entries(runs)) {
        const limit = forumBudgets[name]![backend];
        const c = await measure(name, run, limit);
        cases.push(c);
        budget({ what: `forum ${name} p95 (${backend}, ${c.rows} rows)`, value: c.p95, limit, atMost: true, format: ms, note: `p50 ${ms(c.p50)}, max ${ms(c.max)}` });
      }
      results.push({ backend, generateSeconds, counts: data.counts, cases });
    } finally {
      await handle.close();
      await cleanup();
    }
  }
  writeResult("forum", { results });
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runForumBench();
