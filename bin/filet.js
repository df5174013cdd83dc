#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx: one code base for server, CLI and tests.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
