import type { CaseBook } from "../harness.ts";

/** Forms of the training session routes (/training/sessions/…): a valid submission each (see ../harness.ts). */
export const trainingSessionCases: CaseBook = {};
