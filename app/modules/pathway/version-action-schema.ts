import { z } from "zod";
import { MAX_INT, optionalText, requiredInt } from "../forms/fields.ts";

/**
 * The version page's forms, apart from the editor's schema so that the page is not sent the
 * editor's messages (each page sends only what it renders).
 */

/** The latest version number the editor saw (0 before the first version): the pathway's version. */
export const baseNumber = requiredInt(0, MAX_INT);

export const versionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("validate") }),
  z.object({ intent: z.literal("restore"), baseNumber, changeNote: optionalText(500) }),
]);

