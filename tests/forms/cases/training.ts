import type { CaseBook } from "../harness.ts";

/** Forms of the training routes: a valid submission each (see ../harness.ts). */
export const trainingCases: CaseBook = {};
