import { z } from "zod";
import { optionalId, requiredText } from "../forms/fields.ts";
import { announcementAudiences } from "./vocabulary.ts";

export const announcementSchema = z
  .object({
    audience: z.enum(announcementAudiences, { message: "form.required" }),
    organizationId: optionalId,
    title: requiredText(200),
    body: requiredText(8000),
  })
  .superRefine((v, ctx) => {
    if ((v.audience === "organization" || v.audience === "organization_pivots") && !v.organizationId) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "announcements.form.organizationRequired" });
    }
  });

export type AnnouncementInput = z.infer<typeof announcementSchema>;
