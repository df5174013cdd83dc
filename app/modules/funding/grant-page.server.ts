import { z } from "zod";
import { listActionsForSelect } from "../action-plan/read-plan.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { can, type HeldRole } from "../authz/decide.ts";
import type { Database } from "../db/client.server.ts";
import { anyDocument } from "../files/file-types.ts";
import { readUpload } from "../files/read-upload.server.ts";
import { listFiles } from "../files/stored-files.server.ts";
import { dispatchIntent, intentOf } from "../forms/dispatch-intent.ts";
import { isUuid, requiredId, versionField } from "../forms/fields.ts";
import { parseValues, type FormRead } from "../forms/read-form.server.ts";
import { submissionOf } from "../forms/submit-once.server.ts";
import { createOnce } from "../outcome/create-once.server.ts";
import { invalidFields, missing, ok, type Outcome } from "../outcome/outcome.ts";
import { grantSchema, reportDateSchema, spendingSchema } from "./funding-schema.ts";
import { loadGrant } from "./read-funding.server.ts";
import {
  addReportDate,
  addSpending,
  attachGrantDocument,
  deleteReportDate,
  deleteSpending,
  GRANT_FILE_OWNER,
  removeGrantDocument,
  setReportSubmitted,
  updateGrant,
} from "./write-funding.server.ts";
import { quebecDay } from "../time/days.ts";

export interface GrantReader {
  partnershipId: string;
  roles: readonly HeldRole[];
}

export type Deleting = { kind: "report" | "spending" | "document"; id: string; name: string; dueOn?: string; amount?: number };

/** "?delete=spending:<id>": the line whose deletion is to be confirmed (null when unknown). */
function readDeleting(
  param: string | null,
  reports: { id: string; label: string; dueOn: string }[],
  spending: { id: string; label: string; amount: number }[],
  documents: { id: string; fileName: string }[],
): Deleting | null {
  const [kind, id] = (param ?? "").split(":");
  if (!isUuid(id)) return null;
  if (kind === "report") {
    const r = reports.find((x) => x.id === id);
    return r ? { kind, id, name: r.label, dueOn: r.dueOn } : null;
  }
  if (kind === "spending") {
    const l = spending.find((x) => x.id === id);
    return l ? { kind, id, name: l.label, amount: l.amount } : null;
  }
  if (kind === "document") {
    const d = documents.find((x) => x.id === id);
    return d ? { kind, id, name: d.fileName } : null;
  }
  return null;
}

/** The grant of the reader's Table, or not_found (another Table's id, a malformed one). */
export async function findGrant(db: Database, reader: GrantReader, grantId: string | undefined) {
  if (!isUuid(grantId)) return missing();
  const loaded = await loadGrant(db, reader.partnershipId, grantId);
  return loaded ? ok(loaded) : missing();
}

/**
 * The grant page: terms, reporting dates, spending by action and, for the coordinator only,
 * its documents (agreements may name signatories and bank details), the edit form and the
 * deletion being confirmed (`?delete=<kind>:<id>`: deleting asks first).
 */
export async function loadGrantPage(db: Database, reader: GrantReader, grantId: string | undefined, query: URLSearchParams) {
  const found = await findGrant(db, reader, grantId);
  if (found.kind !== "ok") return found;
  const { grant, reports, spending, spent, remaining } = found.value;
  const { partnershipId } = reader;
  const canManage = can(reader.roles, "funding.manage", { partnershipId });
  const documents = canManage ? await listFiles(db, { partnershipId, ownerType: GRANT_FILE_OWNER, ownerId: grant.id }) : [];
  return ok({
    grant,
    reports,
    spending,
    spent,
    remaining,
    canManage,
    editing: canManage && query.has("edit"),
    saved: query.has("saved"),
    documents,
    deleting: canManage ? readDeleting(query.get("delete"), reports, spending, documents) : null,
    actions: canManage ? await listActionsForSelect(db, partnershipId) : [],
    today: quebecDay(),
  });
}

export interface GrantAction {
  db: Database;
  actor: AuditActor;
  partnershipId: string;
  grantId: string;
  personId: string;
  accountId: string;
  read: Extract<FormRead, { ok: true }>;
}

const grantFormSchema = grantSchema.and(z.object({ version: versionField }));
const rowSchema = z.object({ id: requiredId });
const rowId = (read: GrantAction["read"]) => {
  const parsed = parseValues(read, rowSchema);
  return parsed.ok ? parsed.data.id : null;
};

/** A create of the page (report date, spending, document): once per submission key. */
function once(c: GrantAction, intent: string, create: (tx: Database) => Promise<Outcome<string>>) {
  return createOnce(c.db, submissionOf(c.read.values, `funding.$grantId:${intent}`, c.accountId), create, () => `/funding/${c.grantId}?saved=1`);
}

const malformed = () => invalidFields({}, "form.invalid");

/** Each form of the grant page, by intent; every one answers the page's location or why not. */
const grantIntents = {
  grant: async (c: GrantAction): Promise<Outcome<unknown>> => {
    const parsed = parseValues(c.read, grantFormSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    const { version, ...input } = parsed.data;
    return updateGrant(c.db, c.actor, c.partnershipId, c.grantId, version, input);
  },
  report: (c: GrantAction) =>
    once(c, "report", async (tx) => {
      const parsed = parseValues(c.read, reportDateSchema);
      return parsed.ok ? addReportDate(tx, c.actor, c.partnershipId, c.grantId, parsed.data) : invalidFields(parsed.errors);
    }),
  spending: (c: GrantAction) =>
    once(c, "spending", async (tx) => {
      const parsed = parseValues(c.read, spendingSchema);
      return parsed.ok ? addSpending(tx, c.actor, c.partnershipId, c.grantId, parsed.data) : invalidFields(parsed.errors);
    }),
  document: (c: GrantAction) =>
    once(c, "document", async (tx) => {
      const upload = await readUpload(c.read.form, "document", anyDocument);
      return upload.ok ? attachGrantDocument(tx, c.actor, c.partnershipId, c.grantId, upload.upload, c.personId) : invalidFields({ document: [`funding.uploadError.${upload.error}`] });
    }),
  "report-submitted": (c: GrantAction) => onRow(c, (id) => setReportSubmitted(c.db, c.actor, c.partnershipId, c.grantId, id, quebecDay())),
  "report-reopen": (c: GrantAction) => onRow(c, (id) => setReportSubmitted(c.db, c.actor, c.partnershipId, c.grantId, id, null)),
  "report-delete": (c: GrantAction) => onRow(c, (id) => deleteReportDate(c.db, c.actor, c.partnershipId, c.grantId, id)),
  "spending-delete": (c: GrantAction) => onRow(c, (id) => deleteSpending(c.db, c.actor, c.partnershipId, c.grantId, id)),
  "document-delete": (c: GrantAction) => onRow(c, (id) => removeGrantDocument(c.db, c.actor, c.partnershipId, c.grantId, id)),
};

async function onRow(c: GrantAction, change: (id: string) => Promise<Outcome<unknown>>): Promise<Outcome<unknown>> {
  const id = rowId(c.read);
  return id ? change(id) : malformed();
}

/** One POST on the grant page (the coordinator's): an unknown intent is refused (400). */
export function handleGrantAction(c: GrantAction): Promise<Outcome<unknown>> {
  return dispatchIntent<GrantAction, Outcome<unknown>, Outcome<unknown>>(intentOf(c.read.values), grantIntents, c, malformed);
}
