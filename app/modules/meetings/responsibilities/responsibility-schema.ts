import { z } from "zod";
import { optionalId, optionalText, requiredText, versionField } from "../../forms/fields.ts";
import { responsibilityStatuses } from "./vocabulary.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const OWNER = /^(person|organization):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The form says whether a person (the people picker's `owner`, "person:<id>") or an organization
 * (`ownerOrganization`, "organization:<id>") owns it; `owner` alone (no kind) is read as it is.
 */
function ownerOfKind(values: unknown) {
  if (!values || typeof values !== "object") return values;
  const v = values as Record<string, unknown>;
  if (v.ownerKind === "organization") return { ...v, owner: typeof v.ownerOrganization === "string" && v.ownerOrganization.startsWith("organization:") ? v.ownerOrganization : "" };
  if (v.ownerKind === "person") return { ...v, owner: typeof v.owner === "string" && v.owner.startsWith("person:") ? v.owner : "" };
  return v;
}

/** What, who ("person:<id>" or "organization:<id>"), by when, and an optional objective. */
export const responsibilitySchema = z.preprocess(
  ownerOfKind,
  z
    .object({
      what: requiredText(500),
      owner: z.string().regex(OWNER, "responsibilities.form.ownerRequired"),
      dueOn: z
        .string()
        .regex(DAY, "responsibilities.form.invalidDue")
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "responsibilities.form.invalidDue"),
      objectiveId: optionalId,
      meetingId: optionalId,
      agendaItemId: optionalId,
    })
    .transform((v) => {
      const [kind, id] = v.owner.toLowerCase().split(":") as ["person" | "organization", string];
      return {
        what: v.what,
        ownerPersonId: kind === "person" ? id : null,
        ownerOrganizationId: kind === "organization" ? id : null,
        dueOn: v.dueOn,
        objectiveId: v.objectiveId,
        meetingId: v.meetingId,
        agendaItemId: v.agendaItemId,
      };
    }),
);
export type ResponsibilityInput = z.output<typeof responsibilitySchema>;

export const statusSchema = z
  .object({
    status: z.enum(responsibilityStatuses, { message: "form.invalid" }),
    droppedReason: optionalText(1000),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (v.status === "dropped" && !v.droppedReason) ctx.addIssue({ code: "custom", path: ["droppedReason"], message: "responsibilities.form.reasonRequired" });
  });

export const commentSchema = z.object({ body: requiredText(4000) });

/** The edit form of a responsibility: its fields and the version it was drawn with. */
export const versionSchema = z.object({ version: versionField });
