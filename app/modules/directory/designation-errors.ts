import type { SaveResult } from "./save-designation.server.ts";

/** A failed save as the form's field errors (message keys). */
export function saveErrors(result: Extract<SaveResult, { ok: false }>): { errors?: Record<string, string[]>; formError?: string } {
  if (result.error === "conflict") return { formError: "form.conflict" };
  if (result.error === "invalid") {
    const key = { personId: "directory.form.personInvalid", siteId: "directory.form.siteInvalid", organizationId: "directory.form.organizationInvalid" }[result.field];
    return { errors: { [result.field]: [key] } };
  }
  return { formError: "form.invalid" };
}
