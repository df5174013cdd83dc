import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../../app/modules/db/client.server.ts";

/**
 * Migrating a fresh database takes seconds; copying an already-migrated one takes a fraction.
 * The template is made once per run from the real migrations and every test file gets its own
 * copy: a PGlite dump locally, a PostgreSQL template database with DATABASE_URL (CI's suite).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) return setupPostgresTemplate(project, url);
  const handle = await openPglite();
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "filet-template-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

async function setupPostgresTemplate(project: TestProject, url: string) {
  const name = `filet_tpl_${process.pid}`;
  await adminQuery(url, `drop database if exists ${name} with (force)`);
  await adminQuery(url, `create database ${name}`);
  const scoped = new URL(url);
  scoped.pathname = `/${name}`;
  const handle = await openPostgres(scoped.toString(), 1);
  // No connection may stay open on a template while it is copied.
  await handle.close();
  project.provide("pgliteTemplate", "");
  project.provide("postgresTemplate", name);
  return () => adminQuery(url, `drop database if exists ${name} with (force)`);
}

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
