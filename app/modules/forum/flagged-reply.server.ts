import { data } from "react-router";
import type { Flagged } from "../consultations/guard-refusal.server.ts";
import type { Refused } from "../outcome/outcome.ts";
import { readAttachment } from "./post-attachments.server.ts";
import { attachmentName } from "./post-guard.server.ts";

/**
 * The guard's no on a page with several forms: 400 with the findings, the text kept and the
 * intent at the top, so the page shows the findings above the form that was sent.
 */
export function flaggedReply(intent: string, failure: Refused, values: Record<string, unknown>) {
  const findings = (failure as Flagged).findings;
  return data({ intent, errors: failure.errors ?? {}, findings, values, formError: null as string | null }, { status: 400 });
}

/** The attachment's name as the guard read it, so the page can highlight what was found in it. */
export async function attachmentNameOf(form: FormData): Promise<{ attachment?: string }> {
  const read = await readAttachment(form);
  return read.ok ? attachmentName(read.upload) : {};
}
