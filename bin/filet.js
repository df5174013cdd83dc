#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx: one code base for server, CLI and tests.
import { register } from "tsx/esm/api";

// React chooses its build from NODE_ENV when first imported: the server always renders with
// React's production build (10× faster than the development build, no dev-only warnings).
// The operator's NODE_ENV (unset: development) still sets Filet's posture — Secure cookies,
// HSTS, a required secret key — through FILET_ENV, which the configuration reads first.
if (process.env.FILET_ENV === undefined || process.env.FILET_ENV === "") {
  process.env.FILET_ENV = process.env.NODE_ENV || "development";
}
process.env.NODE_ENV = "production";

register();
await import("../cli/main.ts");
