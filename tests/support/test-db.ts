import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import * as schema from "../../app/modules/db/schema.ts";
import { openPostgres, pgliteExtensions, type Database, type DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { parseConfig, type Config } from "../../app/modules/config/config.server.ts";
import type { FiletContext } from "../../app/modules/context.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";

/**
 * One database per test file. Locally: an in-memory PGlite loaded from the migrated template.
 * With DATABASE_URL (CI's database suite): a copy of the run's migrated template database on the
 * real PostgreSQL (the migrations then find nothing to do), dropped at the end.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `filet_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const template = inject("postgresTemplate");
    const admin = await openPostgresRaw(url);
    // The pg project has no global setup: it migrates its own database.
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
    await admin.end();
    const scoped = new URL(url);
    scoped.pathname = `/${name}`;
    const handle = await openPostgres(scoped.toString(), 4);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const cleanup = await openPostgresRaw(url);
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const template = inject("pgliteTemplate");
  const blob = new Blob([fs.readFileSync(template)]);
  const client = await PGlite.create({ loadDataDir: blob, extensions: pgliteExtensions });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    ping: async () => (await client.query("select 1")).rows.length === 1,
    close: () => client.close(),
  };
}

async function openPostgresRaw(url: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}


export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    NODE_ENV: "test",
    FILET_SECRET_KEY: "test-secret-key-test-secret-key-0123456789",
    FILET_PUBLIC_URL: "http://localhost:3000",
    ...overrides,
  });
}

/** A load context as the server builds it, for calling loaders, actions and domain functions. */
export function testContext(db: Database, overrides: Partial<FiletContext> = {}): FiletContext {
  return {
    db,
    config: testConfig(),
    nonce: "test-nonce",
    requestId: randomUUID(),
    ip: "127.0.0.1",
    demoMode: false,
    notifyJobs: () => {},
    ...overrides,
  };
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return Number(row?.n ?? 0);
}
