import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The real thing: `filet start` on a built app, a new embedded data folder and the demo, as
 * `npm start` runs it, checked from outside over HTTP.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "filet-server-"));
let child: ChildProcess;
let base = "";
let stdout = "";
let exit: Promise<number | null>;

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = stdout.match(pattern);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match);
      }
    };
    const poll = setInterval(check, 50);
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`timed out waiting for ${pattern}; output so far:\n${stdout}`));
    }, timeoutMs);
    check();
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
    execFileSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, stdio: "inherit" });
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    FILET_DATA_DIR: path.join(work, "data"),
    FILET_DEMO: "1",
    FILET_SECRET_KEY: "server-test-secret-key-0123456789abcdef",
  };
  delete env.DATABASE_URL;
  delete env.FILET_PUBLIC_URL;
  delete env.SMTP_URL;
  child = spawn(process.execPath, [path.join(root, "bin", "filet.js"), "start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stdout += d.toString()));
  exit = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  const [, port] = await waitForOutput(/Filet is listening on http:\/\/localhost:(\d+)/, 120_000);
  base = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exit;
  }
  fs.rmSync(work, { recursive: true, force: true });
});

describe("filet start", () => {
  it("prints the demo accounts and answers the probes", async () => {
    await waitForOutput(/coordination\.ca@filet\.test/, 5000); // the list follows the URL line
    expect(stdout).toContain("Demo accounts (password: demo-filet-2026)");
    expect(stdout).toContain("Rendering: React production build; security posture: production");
    expect(stdout).toContain("coord-pivots.spvq@filet.test");
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "pglite" });
  });

  it("serves the sign-in page with a per-response CSP nonce and the security headers", async () => {
    const res = await fetch(`${base}/login`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toMatch(/<input[^>]+name="email"/);
    expect(html).toMatch(/<input[^>]+name="password"/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBeTruthy();
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
    const second = await fetch(`${base}/login`);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("refuses a foreign-origin POST (403) and other methods (405)", async () => {
    const foreign = await fetch(`${base}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40filet.test&password=demo-filet-2026",
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    const put = await fetch(`${base}/`, { method: "PUT", body: "x" });
    expect(put.status).toBe(405);
  });

  it("on SIGTERM finishes the request in progress, then exits 0", async () => {
    const body = "locale=en&redirectTo=%2F";
    const url = new URL(`${base}/locale`);
    // A slow client: the request is under way (headers sent, body half sent) when SIGTERM arrives.
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Origin: base,
      },
    });
    const response = new Promise<{ status: number }>((resolve, reject) => {
      request.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      });
      request.on("error", reject);
    });
    request.write(body.slice(0, 8));
    await new Promise((resolve) => setTimeout(resolve, 300));

    child.kill("SIGTERM");
    await waitForOutput(/SIGTERM received/, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull(); // still waiting for our request
    // New connections are no longer accepted while draining.
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    request.end(body.slice(8));
    const { status } = await response;
    expect(status).toBe(302);
    expect(await exit).toBe(0);
    expect(stdout).toContain("Stopped cleanly.");
  });
});

/**
 * `npm start` with NODE_ENV unset (a laptop, the demo): React renders with its production build,
 * while Filet keeps the development posture the operator left (no Secure-only cookies on http).
 */
describe("filet start with NODE_ENV unset", () => {
  it("renders with React's production build and keeps the operator's posture", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "filet-posture-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", FILET_DATA_DIR: path.join(work, "data"), FILET_JOBS: "0" };
    for (const name of ["NODE_ENV", "FILET_ENV", "DATABASE_URL", "FILET_DEMO", "FILET_SECRET_KEY", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) delete env[name];
    const child = spawn(process.execPath, [path.join(root, "bin", "filet.js"), "start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no rendering line; output:\n${output}`)), 90_000);
        const poll = setInterval(() => {
          if (/Rendering: .*\n/.test(output)) {
            clearTimeout(timer);
            clearInterval(poll);
            resolve();
          }
        }, 50);
        child.once("exit", () => reject(new Error(`exited early:\n${output}`)));
      });
      expect(output).toContain("Rendering: React production build; security posture: development");
    } finally {
      child.kill("SIGKILL");
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
