import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "../../app/modules/db/client.server.ts";

/**
 * Migrating a fresh PGlite takes ~2 s; loading a dump of an already-migrated one takes ~1 s.
 * The dump is made once per run from the real migrations and every test file loads its own copy.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const handle = await openPglite();
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "filet-template-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
