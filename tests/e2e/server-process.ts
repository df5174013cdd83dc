import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

/** A port the OS just handed out: free now, and nobody else in this run asks for it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the process printed so far (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node bin/filet.js start` as a real separate process, exactly as an operator would, and
 * resolves once it printed its "listening" line and /readyz answers.
 */
export async function startFiletProcess(
  env: Record<string, string>,
  options: { logFile?: string; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const url = `http://localhost:${port}`;
  // Only what the caller sets: a DATABASE_URL or SMTP_URL of the surrounding shell must not leak in.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|SMTP_URL|PORT|HOST|FILET_.*)$/.test(k)),
  );
  const child = spawn(process.execPath, [path.join(root, "bin", "filet.js"), "start"], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      FILET_PUBLIC_URL: url,
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const log = options.logFile ? fs.createWriteStream(options.logFile) : null;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log?.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }
    log?.end();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Filet exited with code ${child.exitCode} before listening:\n${output}`);
    }
    if (/Filet is listening on/.test(output)) {
      try {
        const ready = await fetch(`${url}/readyz`);
        if (ready.ok) return { url, process: child, output: () => output, stop };
      } catch {
        // not accepting connections yet
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`Filet did not become ready within the time limit:\n${output}`);
}
