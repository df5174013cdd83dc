import type { CaseBook } from "../harness.ts";

/** Forms of the guide routes: a valid submission each (see ../harness.ts). */
export const guideCases: CaseBook = {};
