import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import type { ServerBuild } from "react-router";
import type { Config } from "../app/modules/config/config.server.ts";
import { openDatabase, type DatabaseHandle } from "../app/modules/db/client.server.ts";
import { decideDemoMode } from "../app/modules/demo/demo-mode.server.ts";
import { demoAccounts, DEMO_PASSWORD, isDemoSeeded } from "../app/modules/demo/demo-accounts.server.ts";
import { startJobRunner } from "../app/modules/jobs/runner.server.ts";
import { jobHandlers, recurringJobs } from "./jobs.ts";
import { createApp } from "./app.ts";
import type { RunningIdp } from "./demo-idp.ts";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const buildDir = path.join(projectRoot, "build");

/** Outside production a key is made once and kept beside the data, so MFA secrets survive restarts. */
export function resolveSecretKey(config: Config): Config {
  if (config.FILET_SECRET_KEY) return config;
  const file = path.join(config.FILET_DATA_DIR, "secret.key");
  fs.mkdirSync(config.FILET_DATA_DIR, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return { ...config, FILET_SECRET_KEY: fs.readFileSync(file, "utf8").trim() };
}

/** The build tool of this checkout; npx only as a fallback (it may print npm's own warnings). */
function buildApplication() {
  const local = path.join(projectRoot, "node_modules", ".bin", "react-router");
  const [command, args] = fs.existsSync(local) ? [local, ["build"]] : ["npx", ["react-router", "build"]];
  execFileSync(command, args, { cwd: projectRoot, stdio: "inherit" });
}

const SHUTDOWN_GRACE_MS = 15_000;

export async function startServer(rawConfig: Config, options: { buildIfMissing?: boolean } = {}) {
  let config = resolveSecretKey(rawConfig);
  const serverEntry = path.join(buildDir, "server", "index.js");
  if (!fs.existsSync(serverEntry)) {
    if (!options.buildIfMissing) throw new Error("No build found: run `npm run build` first.");
    console.log("Building the application (first start)…");
    buildApplication();
  }

  const freshDataDir =
    config.databaseKind === "pglite" && !fs.existsSync(path.join(config.FILET_DATA_DIR, "pgdata"));
  // Cold start (docs/PERFORMANCE.md): the application's build loads while the database opens and
  // migrates, and the demo's seeders load only when the demo has yet to be created.
  const loadingBuild = import(pathToFileURL(serverEntry).href) as Promise<ServerBuild>;
  loadingBuild.catch(() => {}); // awaited below; a failure there is reported once, not as unhandled
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.FILET_DATA_DIR });
  const demoMode = await decideDemoMode(database.db, config, freshDataDir);
  // oidc-provider and its dependencies are loaded only for the demo's provider, meanwhile.
  const loadingIdp = demoMode && process.env.FILET_DEMO_IDP !== "0" ? loadDemoIdp() : null;
  loadingIdp?.catch(() => {});
  if (demoMode && !(await isDemoSeeded(database.db))) {
    const { seedDemo } = await import("../app/modules/demo/seed-demo.server.ts");
    await seedDemo(database.db, { publicUrl: config.publicUrl });
  }
  const build = await loadingBuild;

  // Listen first, so that PORT=0 (any free port) yields the real URL for links in emails.
  const server = http.createServer();
  server.listen(config.PORT, config.HOST);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
  } catch (error) {
    await database.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(`Port ${config.PORT} is already in use: stop the other program or set PORT to another port.`);
    }
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  if (!config.FILET_PUBLIC_URL) config = { ...config, publicUrl: url };

  const runner = config.FILET_JOBS
    ? startJobRunner({ db: database.db, config, handlers: jobHandlers, recurring: recurringJobs })
    : null;
  let shuttingDown = false;
  const app = createApp({
    config,
    database,
    build,
    buildDir,
    demoMode,
    notifyJobs: () => runner?.wake(),
    isShuttingDown: () => shuttingDown,
  });
  server.on("request", app);
  const demoIdp = loadingIdp ? await startDemoIdp(await loadingIdp, database.db, config, port) : null;

  // Tests and scripts parse this line: keep its form.
  console.log(`Filet is listening on ${url}`);
  console.log(`Database: ${database.kind === "pglite" ? `embedded, in ${path.resolve(config.FILET_DATA_DIR)}` : "PostgreSQL"}${demoMode ? " — demo mode" : ""}`);
  // React's build follows NODE_ENV (bin/filet.js sets production); the posture follows the operator's.
  console.log(`Rendering: React ${process.env.NODE_ENV === "production" ? "production" : "development"} build; security posture: ${config.isProduction ? "production" : config.NODE_ENV}`);
  if (demoMode) {
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(34)} ${a.label}`);
    if (demoIdp) console.log(`Demo identity provider (CSSS de Québec-Nord, "Se connecter avec…" on /login): ${demoIdp.issuer}`);
  }

  /**
   * SIGTERM: stop accepting connections, let the requests in progress finish (connections
   * are closed as soon as they fall idle), wait for the running job, close the database.
   */
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received: finishing in-flight requests…`);
    const force = setTimeout(() => {
      console.error("Shutdown took too long; exiting.");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const reaper = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await closed;
    clearInterval(reaper);
    await demoIdp?.close();
    await runner?.stop();
    await database.close();
    console.log("Stopped cleanly.");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  return { server, port, url, database, config, demoMode, shutdown };
}

/**
 * Demo mode: a real OpenID provider for the demo's CSSS de Québec-Nord, on the next port (any
 * free port when PORT=0, or when the next one is taken). FILET_DEMO_IDP=0 leaves it off.
 */
const loadDemoIdp = () => Promise.all([import("./demo-idp.ts"), import("../app/modules/sso/demo-provider.server.ts")]);

async function startDemoIdp(
  [{ startIdp }, { attachDemoIdentityProvider, DEMO_IDP_CLIENT_ID, demoIdpPeople }]: Awaited<ReturnType<typeof loadDemoIdp>>,
  db: DatabaseHandle["db"],
  config: Config,
  port: number,
): Promise<RunningIdp> {
  const clientSecret = randomBytes(24).toString("base64url");
  const client = {
    clientId: DEMO_IDP_CLIENT_ID,
    clientSecret,
    redirectUris: [`${config.publicUrl}/login/sso/callback`],
    postLogoutRedirectUris: [`${config.publicUrl}/login?notice=signedOut`],
  };
  const title = { fr: "CSSS de Québec-Nord — connexion (démonstration)", en: "CSSS de Québec-Nord — sign-in (demo)" };
  let idp: RunningIdp;
  try {
    idp = await startIdp({ port: port ? port + 1 : 0, client, people: demoIdpPeople, title });
  } catch {
    idp = await startIdp({ port: 0, client, people: demoIdpPeople, title });
  }
  await attachDemoIdentityProvider(db, config, { issuer: idp.issuer, clientSecret });
  return idp;
}
