import type { Config } from "./config/config.server.ts";
import type { Database } from "./db/client.server.ts";

/** What the server hands every loader and action (see server/app.ts). */
export interface FiletContext {
  db: Database;
  config: Config;
  /** Per-response CSP nonce. */
  nonce: string;
  requestId: string;
  ip: string;
  /** True when the installation runs the demo (MFA not enforced, banner shown). */
  demoMode: boolean;
  /** Wakes the job runner after a job was queued (no-op when jobs run elsewhere). */
  notifyJobs: () => void;
}

declare module "react-router" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends FiletContext {}
}
