import type { AddressInfo } from "node:net";
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerBuild } from "react-router";
import { testConfig } from "../tests/support/test-db.ts";
import type { DatabaseHandle } from "../app/modules/db/client.server.ts";
import { createApp } from "./app.ts";

/**
 * The HTTP layer in front of React Router, without a build: probes, methods, origins, headers.
 * (server/start.test.ts checks the same on the real, built server.)
 */
let server: http.Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function fakeDatabase(ping: () => Promise<boolean>): DatabaseHandle {
  return { db: {} as DatabaseHandle["db"], kind: "pglite", ping, close: async () => {} };
}

async function serve(options: { ping?: () => Promise<boolean>; shuttingDown?: boolean; production?: boolean } = {}) {
  const config = testConfig(options.production ? { NODE_ENV: "production" } : {});
  const app = createApp({
    config,
    database: fakeDatabase(options.ping ?? (async () => true)),
    build: {} as ServerBuild, // never reached by these requests
    buildDir: "/nonexistent",
    demoMode: false,
    notifyJobs: () => {},
    isShuttingDown: () => options.shuttingDown ?? false,
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("HTTP layer", () => {
  it("answers /healthz and /readyz when the database answers", async () => {
    const base = await serve();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers.get("cache-control")).toBe("no-store");
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("is not ready when the database fails, hangs, or the process is shutting down", async () => {
    let base = await serve({ ping: async () => Promise.reject(new Error("connection refused")) });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    base = await serve({ ping: () => new Promise<boolean>(() => {}) });
    const started = Date.now();
    const hanging = await fetch(`${base}/readyz`);
    expect(hanging.status).toBe(503);
    expect(await hanging.json()).toMatchObject({ status: "database_unreachable" });
    expect(Date.now() - started).toBeLessThan(10_000);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    base = await serve({ shuttingDown: true });
    const draining = await fetch(`${base}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: "shutting_down" });
  });

  it("refuses methods other than GET, HEAD and POST", async () => {
    const base = await serve();
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await fetch(`${base}/admin/organizations`, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
    }
  });

  it("refuses a POST from a foreign origin or a cross-site fetch", async () => {
    const base = await serve();
    const foreign = await fetch(`${base}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.test&password=x",
    });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${base}/login`, { method: "POST", headers: { "Sec-Fetch-Site": "cross-site" }, body: "" });
    expect(crossSite.status).toBe(403);
    const nullOrigin = await fetch(`${base}/login`, { method: "POST", headers: { Origin: "null" }, body: "" });
    expect(nullOrigin.status).toBe(403);
  });

  it("puts the security headers on every answer, HSTS in production", async () => {
    let base = await serve();
    const res = await fetch(`${base}/healthz`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const again = await fetch(`${base}/healthz`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp); // a new nonce each time
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    base = await serve({ production: true });
    expect((await fetch(`${base}/healthz`)).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("sends the browser's own /favicon.ico request to the SVG icon", async () => {
    const base = await serve();
    const res = await fetch(`${base}/favicon.ico`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/favicon.svg");
  });

  it("refuses a body over the route's limit before reading it, with a page in the reader's language", async () => {
    const base = await serve();
    const { port, hostname } = new URL(base);
    // A 500 MB announcement with only a few bytes sent: the answer comes at once, nothing buffered.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: hostname, port, path: "/login", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(500 * 1024 * 1024), origin: base, cookie: "filet_lang=en" } }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write("email=a");
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('<html lang="en">');
    expect(answer.body).toContain("Submission too large");
    const french = await fetch(`${base}/meetings/new`, { method: "POST", headers: { origin: base, "content-type": "application/x-www-form-urlencoded" }, body: "a=" + "x".repeat(1024 * 1024 + 1) });
    expect(french.status).toBe(413);
    expect(await french.text()).toContain("Envoi trop volumineux");
  });
});
