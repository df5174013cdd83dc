import path from "node:path";
import { count } from "drizzle-orm";
import { parseConfig, type Config } from "../app/modules/config/config.server.ts";
import { openDatabase, type DatabaseHandle } from "../app/modules/db/client.server.ts";
import { installationSetting, partnership } from "../app/modules/governance/tables.ts";
import { verifyAuditChain } from "../app/modules/audit/verify-audit-chain.server.ts";
import { DEMO_PASSWORD, demoAccounts } from "../app/modules/demo/demo-accounts.server.ts";
import { CliError } from "./cli-error.ts";

export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) env[key] = value;
  return parseConfig(env);
}

/** Where the data lives, for messages: never the connection URL, which may hold a password. */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `embedded database in ${path.resolve(config.FILET_DATA_DIR)}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}

/** Opens (and migrates) the configured database, runs `work`, always closes it. */
export async function withDatabase<T>(config: Config, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.FILET_DATA_DIR });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

export async function startCommand(options: { port?: string; buildIfMissing?: boolean }): Promise<void> {
  const config = loadConfig({ PORT: options.port });
  const { startServer } = await import("../server/start.ts");
  await startServer(config, { buildIfMissing: options.buildIfMissing });
}

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  // Opening the database applies the pending migrations (under a lock on PostgreSQL).
  await withDatabase(config, async () => {});
  console.log(`Migrations applied: ${describeDatabase(config)} is up to date.`);
}

export async function seedDemoCommand(): Promise<void> {
  const config = loadConfig();
  await withDatabase(config, async ({ db }) => {
    const [existing] = await db.select({ n: count() }).from(partnership);
    const tables = Number(existing?.n ?? 0);
    if (tables > 0) {
      throw new CliError(
        `Refusing to seed the demo: the database already has ${tables} Table(s). ` +
          "seed-demo only fills an empty database (use a new FILET_DATA_DIR or database).",
      );
    }
    // Loaded here only: `filet start` (this file) must not load every module's seeders.
    const { seedDemo } = await import("../app/modules/demo/seed-demo.server.ts");
    await seedDemo(db, { publicUrl: config.publicUrl });
    // Known passwords: the installation is a demo from now on (banner shown, MFA not enforced).
    await db
      .insert(installationSetting)
      .values({ key: "demo_mode", value: true })
      .onConflictDoUpdate({ target: installationSetting.key, set: { value: true, updatedAt: new Date() } });
  });
  console.log(`Demo data added to the ${describeDatabase(config)}; demo mode is on.`);
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.email.padEnd(34)} ${a.label}`);
}

export async function auditVerifyCommand(): Promise<void> {
  const config = loadConfig();
  const report = await withDatabase(config, ({ db }) => verifyAuditChain(db));
  if (report.ok) {
    console.log(`OK: ${report.count} events`);
    return;
  }
  // One line per problem, in id order; the walk goes on after each, so every altered row is named.
  for (const { id, reason } of report.broken) {
    const why = reason === "hash_mismatch" ? "hash mismatch: the row was altered" : "broken link: a row is missing or reordered";
    console.log(`BROKEN at event #${id} (${why})`);
  }
  if (report.truncated) console.log(`… and more: only the first ${report.broken.length} problems are listed (${report.count} events read)`);
  process.exitCode = 1;
}
