import fs from "node:fs";
import path from "node:path";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@react-router/express";
import type { AppLoadContext, ServerBuild } from "react-router";
import type { Config } from "../app/modules/config/config.server.ts";
import type { DatabaseHandle } from "../app/modules/db/client.server.ts";
import "../app/modules/context.ts";
import { allowedMethods, sameOriginPosts, securityHeaders } from "./security.ts";
import { bodyLimit } from "./body-limit.ts";

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  build: ServerBuild;
  buildDir: string;
  demoMode: boolean;
  notifyJobs: () => void;
  /** Set once SIGTERM arrived: /readyz answers 503 so a balancer drains this process. */
  isShuttingDown: () => boolean;
}

const READY_TIMEOUT_MS = 2000;

/** A database that does not answer within the time limit is as good as unreachable: probes must not hang. */
async function pingWithin(database: DatabaseHandle, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([database.ping().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The app's stylesheet in the build (hashed name), for the pages Express answers itself. */
function appStylesheet(buildDir: string): string | null {
  const assets = path.join(buildDir, "client", "assets");
  const file = fs.existsSync(assets) ? fs.readdirSync(assets).find((f) => /^app-[\w-]+\.css$/.test(f)) : undefined;
  return file ? `/assets/${file}` : null;
}

export function createApp(deps: AppDeps) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.FILET_TRUST_PROXY);

  app.use(securityHeaders({ production: deps.config.isProduction }));

  // Liveness: the process answers. Readiness: it can serve (database reachable, not draining).
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    if (deps.isShuttingDown()) return void res.status(503).json({ status: "shutting_down" });
    const ok = await pingWithin(deps.database, READY_TIMEOUT_MS);
    res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "database_unreachable", database: deps.database.kind });
  });

  app.use(compression());
  app.use(allowedMethods);
  app.use(sameOriginPosts(deps.config.publicUrl));
  app.use(bodyLimit(appStylesheet(deps.buildDir)));

  // Browsers ask for /favicon.ico on their own (a PDF, a CSV, a plain-text answer has no <link
  // rel="icon">): point them to the one icon rather than answer a 404 each time.
  app.get("/favicon.ico", (_req, res) => {
    res.redirect(301, "/favicon.svg");
  });

  const clientDir = path.join(deps.buildDir, "client");
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));

  app.all(
    "/{*splat}",
    createRequestHandler({
      build: deps.build,
      // This server only runs a build (`npm run dev` is Vite's own server): errors are never
      // sent with their stack, whatever NODE_ENV says.
      mode: "production",
      getLoadContext: (req, res): AppLoadContext => ({
        db: deps.database.db,
        config: deps.config,
        nonce: res.locals.nonce as string,
        requestId: res.locals.requestId as string,
        ip: req.ip ?? req.socket.remoteAddress ?? "",
        demoMode: deps.demoMode,
        notifyJobs: deps.notifyJobs,
      }),
    }),
  );
  return app;
}
