import type { CaseBook } from "../harness.ts";

/** Forms of the admin routes: a valid submission each (see ../harness.ts). */
export const adminCases: CaseBook = {};
