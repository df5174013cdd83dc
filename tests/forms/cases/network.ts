import type { CaseBook } from "../harness.ts";

/** Forms of the network routes: a valid submission each (see ../harness.ts). */
export const networkCases: CaseBook = {};
