import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { jobHandlers, recurringJobs } from "../../server/jobs.ts";
import { commitmentTextVersion, partnerCommitment, partnerContribution, partnerDelegateTerm } from "../../app/modules/partners/tables.ts";
import { COMMITMENT_REMINDERS_JOB, sendCommitmentReminders } from "../../app/modules/partners/commitment-reminders.server.ts";
import { commitmentStatus } from "../../app/modules/partners/commitment-status.ts";
import { computeTurnover } from "../../app/modules/partners/turnover.ts";
import * as listRoute from "../../app/routes/partners/_index.tsx";
import * as profileRoute from "../../app/routes/partners/$organizationId.tsx";
import * as editRoute from "../../app/routes/partners/$organizationId.edit.tsx";
import * as delegatesRoute from "../../app/routes/partners/$organizationId.delegates.tsx";
import * as matrixRoute from "../../app/routes/partners/matrix.tsx";
import * as printRoute from "../../app/routes/partners/matrix.print.tsx";
import * as rowRoute from "../../app/routes/partners/matrix.$organizationId.tsx";
import * as commitmentsRoute from "../../app/routes/partners/commitments.tsx";
import * as newCommitmentRoute from "../../app/routes/partners/commitments.new.tsx";
import * as commitmentRoute from "../../app/routes/partners/commitments.$commitmentId.tsx";
import * as documentRoute from "../../app/routes/partners/commitments.$commitmentId.document.tsx";
import * as textRoute from "../../app/routes/partners/commitments.text.tsx";
import * as textVersionRoute from "../../app/routes/partners/commitments.text.$versionId.tsx";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";
import { asPageSends } from "./table-form-support.ts";
import { quebecDay } from "../../app/modules/time/days.ts";

let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let orgX: string;
let orgY: string;
let orgB: string;
const u = {} as Record<"coordinator" | "delegateX" | "delegateY" | "pivotCoordX" | "worker" | "coordinatorB" | "admin", TestUser>;

type Outcome = { status: number; data: unknown; location: string | null };
type RouteFn = (args: never) => unknown;

/** Calls a loader/action as the server does; the body may be a FormData (multipart uploads). */
async function call(fn: RouteFn | undefined, input: { path: string; user?: TestUser; params?: Record<string, string>; form?: Record<string, string> | FormData; headers?: Record<string, string> }): Promise<Outcome> {
  if (!fn) throw new Error("no handler");
  const headers = new Headers(input.headers);
  if (input.user) headers.set("cookie", input.user.cookie);
  // The forms as their pages send them (submission key on creates, version on edits).
  const form = input.form ? await asPageSends({ url: input.path, body: input.form, cookie: input.user?.cookie, context: testContext(handle.db) }) : undefined;
  const body = form instanceof FormData ? form : form ? new URLSearchParams(form) : undefined;
  const request = new Request(`http://localhost:3000${input.path}`, { method: body ? "POST" : "GET", headers, body });
  const settle = (value: unknown): Outcome => {
    if (value instanceof Response) return { status: value.status, data: value, location: value.headers.get("location") };
    if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
      const v = value as { data: unknown; init: { status?: number } | null };
      return { status: v.init?.status ?? 200, data: v.data, location: null };
    }
    if (value instanceof Error) throw value;
    return { status: 200, data: value, location: null };
  };
  try {
    return settle(await (fn as (a: unknown) => unknown)({ request, params: input.params ?? {}, context: testContext(handle.db) }));
  } catch (thrown) {
    return settle(thrown);
  }
}

const denials = async (path: string) =>
  (await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "access.denied"), eq(auditEvent.targetId, path)))).length;

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

const today = quebecDay();
const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let textV1: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  tableB = await createTable(db, "TableB");
  orgX = await createOrganization(db, tableA, "OrgX");
  orgY = await createOrganization(db, tableA, "OrgY");
  orgB = await createOrganization(db, tableB, "OrgB");
  u.coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  u.delegateX = await createUser(db, { partnershipId: tableA, organizationId: orgX, givenName: "Dana", familyName: "Delegate", roles: [{ role: "table_member", organizationId: orgX }] });
  u.delegateY = await createUser(db, { partnershipId: tableA, organizationId: orgY, roles: [{ role: "table_member", organizationId: orgY }] });
  u.pivotCoordX = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "pivot_coordinator", organizationId: orgX }] });
  u.worker = await createUser(db, { partnershipId: tableA, organizationId: orgX, roles: [{ role: "worker", organizationId: orgX }] });
  u.coordinatorB = await createUser(db, { partnershipId: tableB, roles: [{ role: "table_coordinator" }] });
  u.admin = await createUser(db, { partnershipId: null, roles: [{ role: "platform_admin" }] });
});
afterAll(async () => {
  await handle?.close();
});

describe("partner profiles", () => {
  it("are read by every member of the Table, and another Table's organization is missing", async () => {
    for (const user of [u.coordinator, u.delegateX, u.worker, u.pivotCoordX]) {
      expect((await call(listRoute.loader, { path: "/partners", user })).status).toBe(200);
      expect((await call(profileRoute.loader, { path: `/partners/${orgY}`, user, params: { organizationId: orgY } })).status).toBe(200);
    }
    expect((await call(profileRoute.loader, { path: `/partners/${orgB}`, user: u.coordinator, params: { organizationId: orgB } })).status).toBe(404);
    expect((await call(profileRoute.loader, { path: `/partners/${orgX}`, user: u.coordinatorB, params: { organizationId: orgX } })).status).toBe(404);
    expect((await call(listRoute.loader, { path: "/partners" })).location).toMatch(/^\/login/);
  });

  it("are edited by the coordinator, and by the organization's own delegate or pivot coordinator only", async () => {
    const form = (version: number, mission: string) => ({ version: String(version), mission, mandate: "Mandat", culture: "", services: "", territory: "Québec" });
    const get = async (org: string, user: TestUser) => call(editRoute.loader, { path: `/partners/${org}/edit`, user, params: { organizationId: org } });
    expect((await get(orgX, u.delegateX)).status).toBe(200);
    expect((await get(orgX, u.pivotCoordX)).status).toBe(200);
    expect((await get(orgY, u.coordinator)).status).toBe(200);
    expect((await get(orgY, u.delegateX)).status).toBe(404);
    expect((await get(orgX, u.worker)).status).toBe(404);
    expect((await get(orgB, u.coordinator)).status).toBe(404);

    const saved = await call(editRoute.action, { path: `/partners/${orgX}/edit`, user: u.delegateX, params: { organizationId: orgX }, form: form(1, "Notre mission") });
    expect(saved.location).toBe(`/partners/${orgX}?saved=1`);
    const stale = await call(editRoute.action, { path: `/partners/${orgX}/edit`, user: u.pivotCoordX, params: { organizationId: orgX }, form: form(1, "Autre") });
    expect(stale.status).toBe(409);
    const before = await denials(`/partners/${orgY}/edit`);
    const forged = await call(editRoute.action, { path: `/partners/${orgY}/edit`, user: u.delegateX, params: { organizationId: orgY }, form: form(1, "Piratage") });
    expect(forged.status).toBe(404);
    expect(await denials(`/partners/${orgY}/edit`)).toBe(before + 1);
    const profile = (await call(profileRoute.loader, { path: `/partners/${orgX}`, user: u.worker, params: { organizationId: orgX } })).data as { profile: { organization: { mission: string } }; may: { editProfile: boolean } };
    expect(profile.profile.organization.mission).toBe("Notre mission");
    expect(profile.may.editProfile).toBe(false);
    const events = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "partner.profile.updated"), eq(auditEvent.targetId, orgX)));
    expect(events).toHaveLength(1);
  });

  it("lists people by role: delegate, substitute, pivot coordinator", async () => {
    const data = (await call(profileRoute.loader, { path: `/partners/${orgX}`, user: u.coordinator, params: { organizationId: orgX } })).data as {
      profile: { people: Record<string, { personId: string }[]> };
    };
    expect(data.profile.people.delegates!.map((p) => p.personId)).toEqual([u.delegateX.personId]);
    expect(data.profile.people.pivotCoordinators!.map((p) => p.personId)).toEqual([u.pivotCoordX.personId]);
  });
});

describe("delegate terms and turnover", () => {
  it("are recorded by the coordinator (audited); others get 404", async () => {
    const path = `/partners/${orgX}/delegates`;
    expect((await call(delegatesRoute.loader, { path, user: u.delegateX, params: { organizationId: orgX } })).status).toBe(404);
    expect((await call(delegatesRoute.action, { path, user: u.delegateX, params: { organizationId: orgX }, form: { intent: "add" } })).status).toBe(404);
    expect((await call(delegatesRoute.loader, { path: `/partners/${orgB}/delegates`, user: u.coordinator, params: { organizationId: orgB } })).status).toBe(404);
    const added = await call(delegatesRoute.action, {
      path, user: u.coordinator, params: { organizationId: orgX },
      form: { intent: "add", personId: u.pivotCoordX.personId, kind: "delegate", since: "2015-01-01", until: "" },
    });
    expect(added.location).toBe(`${path}?done=added`);
    await call(delegatesRoute.action, { path, user: u.coordinator, params: { organizationId: orgX }, form: { intent: "add", personId: u.delegateX.personId, kind: "delegate", since: shift(-100), until: "" } });
    await call(delegatesRoute.action, { path, user: u.coordinator, params: { organizationId: orgX }, form: { intent: "add", personId: u.pivotCoordX.personId, kind: "substitute", since: shift(-100), until: "" } });
    // A person of another organization cannot represent this one.
    const wrong = await call(delegatesRoute.action, { path, user: u.coordinator, params: { organizationId: orgX }, form: { intent: "add", personId: u.delegateY.personId, kind: "delegate", since: "2020-01-01", until: "" } });
    expect(wrong.status).toBe(400);
    const [first] = await handle.db.select().from(partnerDelegateTerm).where(and(eq(partnerDelegateTerm.organizationId, orgX), eq(partnerDelegateTerm.since, "2015-01-01")));
    const badEnd = await call(delegatesRoute.action, { path, user: u.coordinator, params: { organizationId: orgX }, form: { intent: "end", termId: first!.id, until: "2014-01-01" } });
    expect(badEnd.status).toBe(400);
    const ended = await call(delegatesRoute.action, { path, user: u.coordinator, params: { organizationId: orgX }, form: { intent: "end", termId: first!.id, until: shift(-101) } });
    expect(ended.location).toBe(`${path}?done=ended`);
    // Ending it through another organization's screen reads as missing.
    expect((await call(delegatesRoute.action, { path: `/partners/${orgY}/delegates`, user: u.coordinator, params: { organizationId: orgY }, form: { intent: "end", termId: first!.id, until: shift(-1) } })).status).toBe(404);
    expect(await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.delegate_term.added"))).toHaveLength(3);
    expect(await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.delegate_term.ended"))).toHaveLength(1);
  });

  it("shows the history and a turnover indicator; the substitute is listed once, as substitute", async () => {
    const data = (await call(profileRoute.loader, { path: `/partners/${orgX}`, user: u.worker, params: { organizationId: orgX } })).data as {
      profile: { terms: unknown[]; turnover: { changes: number; averageTenureMonths: number }; people: Record<string, { personId: string }[]> };
    };
    expect(data.profile.terms).toHaveLength(3);
    expect(data.profile.turnover.changes).toBe(1);
    expect(data.profile.people.substitutes!.map((p) => p.personId)).toEqual([u.pivotCoordX.personId]);
    const list = (await call(listRoute.loader, { path: "/partners", user: u.worker })).data as { table: { changes: number } };
    expect(list.table.changes).toBe(1);
  });

  it("computes turnover as documented", () => {
    const t = (organizationId: string, since: string, until: string | null, kind: "delegate" | "substitute" = "delegate") => ({ organizationId, personId: since, kind, since, until });
    const result = computeTurnover(
      [t("a", "2007-05-01", "2015-05-31"), t("a", "2015-06-01", "2025-08-31"), t("a", "2025-09-01", null), t("b", "2025-10-01", null), t("a", "2025-09-01", null, "substitute")],
      "2026-11-23",
    );
    // b's first term is joining, not turnover; the substitute does not count.
    expect(result.changes).toBe(1);
    expect(result.averageTenureMonths).toBeGreaterThan(40);
    expect(computeTurnover([], "2026-11-23")).toEqual({ changes: 0, averageTenureMonths: null });
  });
});

describe("contribution matrix", () => {
  const row = (text: string) => ({ prevention: text, detection: "", reporting_protection: "", investigation: "", support_exit: "", training: "", research: "", communication: "Bulletin" });

  it("is read by every member, with an edit control only on rows one may edit", async () => {
    const asDelegate = (await call(matrixRoute.loader, { path: "/partners/matrix", user: u.delegateX })).data as { rows: { organizationId: string; editable: boolean }[] };
    expect(asDelegate.rows.filter((r) => r.editable).map((r) => r.organizationId)).toEqual([orgX]);
    const asCoordinator = (await call(matrixRoute.loader, { path: "/partners/matrix", user: u.coordinator })).data as { rows: { editable: boolean }[] };
    expect(asCoordinator.rows.every((r) => r.editable)).toBe(true);
    const asWorker = (await call(matrixRoute.loader, { path: "/partners/matrix", user: u.worker })).data as { rows: { editable: boolean }[] };
    expect(asWorker.rows.some((r) => r.editable)).toBe(false);
    expect((await call(printRoute.loader, { path: "/partners/matrix/print", user: u.worker })).status).toBe(200);
  });

  it("lets a delegate save their own row only: another row is 404 and the denial audited", async () => {
    const own = await call(rowRoute.action, { path: `/partners/matrix/${orgX}`, user: u.delegateX, params: { organizationId: orgX }, form: row("Ateliers") });
    expect(own.location).toBe("/partners/matrix?saved=1");
    const cells = await handle.db.select().from(partnerContribution).where(eq(partnerContribution.organizationId, orgX));
    expect(cells.map((c) => [c.domain, c.text]).sort()).toEqual([["communication", "Bulletin"], ["prevention", "Ateliers"]]);

    const before = await denials(`/partners/matrix/${orgY}`);
    expect((await call(rowRoute.loader, { path: `/partners/matrix/${orgY}`, user: u.delegateX, params: { organizationId: orgY } })).status).toBe(404);
    const forged = await call(rowRoute.action, { path: `/partners/matrix/${orgY}`, user: u.delegateX, params: { organizationId: orgY }, form: row("Forgé") });
    expect(forged.status).toBe(404);
    expect(await denials(`/partners/matrix/${orgY}`)).toBe(before + 2);
    expect(await handle.db.select().from(partnerContribution).where(eq(partnerContribution.organizationId, orgY))).toHaveLength(0);

    expect((await call(rowRoute.action, { path: `/partners/matrix/${orgY}`, user: u.coordinator, params: { organizationId: orgY }, form: row("Par la coordination") })).status).toBe(302);
    expect((await call(rowRoute.action, { path: `/partners/matrix/${orgB}`, user: u.coordinator, params: { organizationId: orgB }, form: row("x") })).status).toBe(404);
    expect((await call(rowRoute.action, { path: `/partners/matrix/${orgX}`, user: u.pivotCoordX, params: { organizationId: orgX }, form: row("x") })).status).toBe(404);
    const tooLong = await call(rowRoute.action, { path: `/partners/matrix/${orgX}`, user: u.delegateX, params: { organizationId: orgX }, form: row("x".repeat(601)) });
    expect(tooLong.status).toBe(400);
    expect(await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.contribution.updated"))).toHaveLength(2);
  });
});

describe("written commitments", () => {
  it("version the Table's text: coordinator drafts and publishes; delegates read published versions only", async () => {
    const text = { intent: "save", titleFr: "Engagement", titleEn: "Commitment", bodyFr: "Nous nous engageons.", bodyEn: "We commit.", changeNote: "" };
    expect((await call(textRoute.action, { path: "/partners/commitments/text", user: u.delegateX, form: text })).status).toBe(404);
    expect((await call(textRoute.action, { path: "/partners/commitments/text", user: u.coordinator, form: text })).location).toBe("/partners/commitments/text?done=saved");
    const [draft] = await handle.db.select().from(commitmentTextVersion).where(eq(commitmentTextVersion.partnershipId, tableA));
    expect(draft!.status).toBe("draft");
    expect((await call(textVersionRoute.loader, { path: "/x", user: u.delegateX, params: { versionId: draft!.id } })).status).toBe(404);
    expect((await call(textVersionRoute.loader, { path: "/x", user: u.coordinator, params: { versionId: draft!.id } })).status).toBe(200);
    expect((await call(textRoute.action, { path: "/partners/commitments/text", user: u.coordinator, form: { intent: "publish", versionId: draft!.id } })).status).toBe(302);
    expect((await call(textVersionRoute.loader, { path: "/x", user: u.delegateX, params: { versionId: draft!.id } })).status).toBe(200);
    expect((await call(textVersionRoute.loader, { path: "/x", user: u.coordinatorB, params: { versionId: draft!.id } })).status).toBe(404);
    // A second version archives the first.
    await call(textRoute.action, { path: "/partners/commitments/text", user: u.coordinator, form: { ...text, bodyFr: "Nous nous engageons davantage." } });
    const [v2] = await handle.db.select().from(commitmentTextVersion).where(and(eq(commitmentTextVersion.partnershipId, tableA), eq(commitmentTextVersion.number, 2)));
    await call(textRoute.action, { path: "/partners/commitments/text", user: u.coordinator, form: { intent: "publish", versionId: v2!.id } });
    const versions = await handle.db.select().from(commitmentTextVersion).where(eq(commitmentTextVersion.partnershipId, tableA));
    expect(versions.map((v) => [v.number, v.status]).sort()).toEqual([[1, "archived"], [2, "published"]]);
    textV1 = draft!.id;
  });

  const commitmentForm = (file: Uint8Array | null, overrides: Record<string, string> = {}, name = "signed.pdf") => {
    const form = new FormData();
    const fields = { organizationId: orgX, textVersionId: textV1, startsOn: shift(-30), endsOn: shift(700), signatoryName: "Dominique Signataire", signatoryTitle: "Directrice", signedOn: shift(-35), ...overrides };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append("document", new File([file as Uint8Array<ArrayBuffer>], name, { type: "application/pdf" }));
    return form;
  };

  it("refuses a file that is not a PDF, or too large, with a clear field error", async () => {
    const wrong = await call(newCommitmentRoute.action, { path: "/partners/commitments/new", user: u.coordinator, form: commitmentForm(PNG, {}, "scan.pdf") });
    expect(wrong.status).toBe(400);
    expect((wrong.data as { errors: Record<string, string[]> }).errors.document).toEqual(["partners.upload.wrong_type"]);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await call(newCommitmentRoute.action, { path: "/partners/commitments/new", user: u.coordinator, form: commitmentForm(big) });
    expect(tooBig.status).toBe(400);
    expect((tooBig.data as { errors: Record<string, string[]> }).errors.document).toEqual(["partners.upload.too_large"]);
    const announced = await call(newCommitmentRoute.action, { path: "/partners/commitments/new", user: u.coordinator, form: commitmentForm(PDF), headers: { "content-length": String(50 * 1024 * 1024) } });
    // Refused before the body is read: the 413 page, in the reader's language.
    expect(announced.status).toBe(413);
    expect(announced.data).toMatchObject({ problem: "too_large" });
    const badDates = await call(newCommitmentRoute.action, { path: "/partners/commitments/new", user: u.coordinator, form: commitmentForm(PDF, { endsOn: shift(-60) }) });
    expect((badDates.data as { errors: Record<string, string[]> }).errors.endsOn).toEqual(["partners.commitments.endBeforeStart"]);
    expect(await handle.db.select().from(partnerCommitment)).toHaveLength(0);
    const fr = (await import("../../app/i18n/messages/partners.ts")).fr;
    expect(fr["partners.upload.wrong_type"]).toMatch(/PDF/);
  });

  it("records a signed commitment with its PDF; only Table members download it", async () => {
    expect((await call(newCommitmentRoute.action, { path: "/partners/commitments/new", user: u.delegateX, form: commitmentForm(PDF) })).status).toBe(404);
    const before = (await call(commitmentsRoute.loader, { path: "/partners/commitments", user: u.delegateX })).data as { overview: { organizationId: string; status: string }[] };
    expect(before.overview.find((o) => o.organizationId === orgX)?.status).toBe("late");
    const ok = await call(newCommitmentRoute.action, { path: "/partners/commitments/new", user: u.coordinator, form: commitmentForm(PDF) });
    // The overview, naming the new commitment (every identical submission lands there).
    expect(ok.location).toMatch(/^\/partners\/commitments\?recorded=[0-9a-f-]{36}$/);
    const after = (await call(commitmentsRoute.loader, { path: "/partners/commitments", user: u.delegateX })).data as { overview: { organizationId: string; status: string; latest: { id: string } }[] };
    const mine = after.overview.find((o) => o.organizationId === orgX)!;
    expect(mine.status).toBe("signed");
    const id = mine.latest.id;
    const download = await call(documentRoute.loader, { path: `/partners/commitments/${id}/document`, user: u.delegateY, params: { commitmentId: id } });
    expect(download.status).toBe(200);
    const response = download.data as Response;
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
    for (const user of [u.worker, u.pivotCoordX, u.coordinatorB, u.admin]) {
      expect((await call(documentRoute.loader, { path: `/partners/commitments/${id}/document`, user, params: { commitmentId: id } })).status).toBe(404);
      expect((await call(commitmentRoute.loader, { path: `/partners/commitments/${id}`, user, params: { commitmentId: id } })).status).toBe(404);
    }
    expect((await call(commitmentsRoute.loader, { path: "/partners/commitments", user: u.worker })).status).toBe(404);
    // Replacing the PDF: coordinator only, checked the same way.
    const replace = (file: Uint8Array) => {
      const f = new FormData();
      f.append("document", new File([file as Uint8Array<ArrayBuffer>], "again.pdf"));
      return f;
    };
    expect((await call(commitmentRoute.action, { path: `/partners/commitments/${id}`, user: u.delegateX, params: { commitmentId: id }, form: replace(PDF) })).status).toBe(404);
    const wrong = await call(commitmentRoute.action, { path: `/partners/commitments/${id}`, user: u.coordinator, params: { commitmentId: id }, form: replace(PNG) });
    expect((wrong.data as { errors: Record<string, string[]> }).errors.document).toEqual(["partners.upload.wrong_type"]);
    expect((await call(commitmentRoute.action, { path: `/partners/commitments/${id}`, user: u.coordinator, params: { commitmentId: id }, form: replace(PDF) })).location).toBe(`/partners/commitments/${id}?attached=1`);
    expect(await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.commitment.recorded"))).toHaveLength(1);
    expect(await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.commitment.document_attached"))).toHaveLength(1);
  });

  it("classifies signed, due and late", async () => {
    expect(commitmentStatus(null, "2026-11-23")).toBe("late");
    expect(commitmentStatus({ startsOn: "2024-01-01", endsOn: "2026-11-22" }, "2026-11-23")).toBe("late");
    expect(commitmentStatus({ startsOn: "2024-01-01", endsOn: "2026-11-23" }, "2026-11-23")).toBe("due");
    expect(commitmentStatus({ startsOn: "2024-01-01", endsOn: "2027-01-22" }, "2026-11-23")).toBe("due");
    expect(commitmentStatus({ startsOn: "2024-01-01", endsOn: "2027-01-23" }, "2026-11-23")).toBe("signed");
  });
});

describe("partners.commitment_reminders", () => {
  const NOW = new Date("2026-11-23T13:00:00Z");
  const URL_BASE = "https://filet.example.org";

  it("is a registered daily job", () => {
    expect(jobHandlers[COMMITMENT_REMINDERS_JOB]).toBeTypeOf("function");
    expect(recurringJobs.find((j) => j.name === COMMITMENT_REMINDERS_JOB)?.schedule).toMatch(/^every day at /);
  });

  it("emails the delegates and the coordinator once per threshold (due, then expired)", async () => {
    // Reset: orgY's commitment ends 30 days after NOW; orgX's far later.
    await handle.db.delete(partnerCommitment).where(eq(partnerCommitment.partnershipId, tableA));
    await handle.db.insert(partnerCommitment).values([
      { partnershipId: tableA, organizationId: orgY, textVersionId: textV1, startsOn: "2024-01-01", endsOn: "2026-12-23", signatoryName: "S", signedOn: "2024-01-01" },
      { partnershipId: tableA, organizationId: orgX, textVersionId: textV1, startsOn: "2026-01-01", endsOn: "2028-12-31", signatoryName: "S", signedOn: "2026-01-01" },
    ]);
    const mails = () => handle.db.select().from(emailMessage);
    const start = (await mails()).length;
    expect(await sendCommitmentReminders(handle.db, { now: NOW, publicUrl: URL_BASE })).toBe(1);
    const sent = (await mails()).slice(start);
    expect(sent.map((m) => m.toAddress).sort()).toEqual([u.coordinator.email, u.delegateY.email].sort());
    expect(sent[0]!.textBody).toContain(`${URL_BASE}/partners/commitments`);
    expect(sent[0]!.textBody).not.toContain("OrgY");
    // The next days: nothing new until it expires.
    expect(await sendCommitmentReminders(handle.db, { now: new Date("2026-11-24T13:00:00Z"), publicUrl: URL_BASE })).toBe(0);
    expect(await sendCommitmentReminders(handle.db, { now: new Date("2026-12-23T13:00:00Z"), publicUrl: URL_BASE })).toBe(0);
    expect(await sendCommitmentReminders(handle.db, { now: new Date("2026-12-24T13:00:00Z"), publicUrl: URL_BASE })).toBe(1);
    expect(await sendCommitmentReminders(handle.db, { now: new Date("2027-01-30T13:00:00Z"), publicUrl: URL_BASE })).toBe(0);
    expect((await mails()).length).toBe(start + 4);
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.commitment.reminder_sent"));
    expect(events.map((e) => (e.details as { threshold: string }).threshold)).toEqual(["due", "expired"]);
    // A renewal silences the older commitment.
    await handle.db.insert(partnerCommitment).values({ partnershipId: tableA, organizationId: orgY, textVersionId: textV1, startsOn: "2027-02-01", endsOn: "2030-01-31", signatoryName: "S", signedOn: "2027-02-01" });
    expect(await sendCommitmentReminders(handle.db, { now: new Date("2027-02-02T13:00:00Z"), publicUrl: URL_BASE })).toBe(0);
  });
});
