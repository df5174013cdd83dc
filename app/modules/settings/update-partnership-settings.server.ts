import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { parsePartnershipSettings, type PartnershipSettings } from "./partnership-settings.server.ts";
import { parseTrainingSettings, TRAINING_SETTING_BOUNDS, type TrainingSettings } from "../training/training-settings.ts";
import { partnership } from "../governance/tables.ts";
import { meetingKindsFromText } from "../meetings/meeting-kinds.ts";
import { versionField } from "../forms/fields.ts";
import { EVALUATION_SETTING_BOUNDS, parseEvaluationSettings, type EvaluationSettings } from "../indicators/evaluation-settings.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

// Whole numbers typed in a field: digits only ("", "1e3", "0x10" are refused), then the range.
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().int(message).min(min, message).max(max, message));

const months = wholeNumber(1, 120, "admin.settings.months");

const trainingNumber = (key: keyof TrainingSettings) =>
  wholeNumber(TRAINING_SETTING_BOUNDS[key][0], TRAINING_SETTING_BOUNDS[key][1], "admin.settings.training.range");

export const partnershipSettingsSchema = z.object({
  directoryFreshnessMonths: months,
  // Training (formation): registration closing, reminder, mixed groups; absent = unchanged.
  trainingRegistrationClosesDays: trainingNumber("registrationClosesDays").optional(),
  trainingReminderDays: trainingNumber("reminderDays").optional(),
  trainingMaxOrganizationSharePercent: trainingNumber("maxOrganizationSharePercent").optional(),
  trainingMinOrganizations: trainingNumber("minOrganizations").optional(),
  trainingMinMilieux: trainingNumber("minMilieux").optional(),
  // Evaluation: the suppression threshold and the fiscal year's first month; absent = unchanged.
  suppressionThreshold: wholeNumber(...EVALUATION_SETTING_BOUNDS.suppressionThreshold, "admin.settings.evaluation.range").optional(),
  fiscalYearStartMonth: wholeNumber(...EVALUATION_SETTING_BOUNDS.fiscalYearStartMonth, "admin.settings.evaluation.range").optional(),
  version: versionField,
  /** Added meeting kinds, one per line "Libellé | English label"; absent = unchanged. */
  meetingKinds: z.string().max(2000, "form.tooLong").optional(),
});

export async function getPartnershipSettingsForm(
  db: Database,
  partnershipId: string,
): Promise<(PartnershipSettings & { training: TrainingSettings; evaluation: EvaluationSettings; version: number }) | null> {
  const [row] = await db
    .select({ settings: partnership.settings, dpjPhone: partnership.dpjPhone, version: partnership.version })
    .from(partnership)
    .where(eq(partnership.id, partnershipId));
  return row
    ? {
        ...parsePartnershipSettings(row.settings, row.dpjPhone),
        training: parseTrainingSettings(row.settings.training),
        evaluation: parseEvaluationSettings(row.settings),
        version: row.version,
      }
    : null;
}

/** Merges the settings (the consultations' retention is in the retention schedule now, privacy) into partnership.settings, with a version check and an audit entry. */
export async function updatePartnershipSettings(
  db: Database,
  actor: AuditActor,
  input: z.output<typeof partnershipSettingsSchema> & { partnershipId: string },
): Promise<Ok | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ settings: partnership.settings })
      .from(partnership)
      .where(eq(partnership.id, input.partnershipId));
    if (!current) return missing();
    const settings = {
      ...current.settings,
      directoryFreshnessMonths: input.directoryFreshnessMonths,
      ...(input.meetingKinds !== undefined ? { meetingKinds: meetingKindsFromText(input.meetingKinds) } : {}),
      training: trainingSettingsOf(input, parseTrainingSettings(current.settings.training)),
      ...(input.suppressionThreshold !== undefined ? { suppressionThreshold: input.suppressionThreshold } : {}),
      ...(input.fiscalYearStartMonth !== undefined ? { fiscalYearStartMonth: input.fiscalYearStartMonth } : {}),
    };
    const updated = await tx
      .update(partnership)
      .set({ settings, version: sql`${partnership.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partnership.id, input.partnershipId), eq(partnership.version, input.version)))
      .returning({ id: partnership.id });
    if (updated.length === 0) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "partnership.settings_updated",
      targetType: "partnership",
      targetId: input.partnershipId,
      partnershipId: input.partnershipId,
      details: {
        directoryFreshnessMonths: input.directoryFreshnessMonths,
          training: settings.training,
        evaluation: parseEvaluationSettings(settings),
      },
    });
    return ok();
  });
}

function trainingSettingsOf(input: z.output<typeof partnershipSettingsSchema>, current: TrainingSettings): TrainingSettings {
  return {
    registrationClosesDays: input.trainingRegistrationClosesDays ?? current.registrationClosesDays,
    reminderDays: input.trainingReminderDays ?? current.reminderDays,
    maxOrganizationSharePercent: input.trainingMaxOrganizationSharePercent ?? current.maxOrganizationSharePercent,
    minOrganizations: input.trainingMinOrganizations ?? current.minOrganizations,
    minMilieux: input.trainingMinMilieux ?? current.minMilieux,
  };
}
