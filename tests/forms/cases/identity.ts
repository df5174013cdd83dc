import type { CaseBook } from "../harness.ts";

/** Forms of the identity routes: a valid submission each (see ../harness.ts). */
export const identityCases: CaseBook = {};
