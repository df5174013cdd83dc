import { randomUUID } from "node:crypto";
import type { Database } from "../../app/modules/db/client.server.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { importRoute, matchRoute } from "../forms/harness.ts";

/**
 * The Table's forms (partners, meetings, responsibilities, plan, funding, handover,
 * announcements) as their pages send them: a create form carries a fresh submission key, an
 * edit form the version of what the page showed (read from the page's loader, as the same
 * person). Tests that post fields by hand pass their body through `asPageSends`; a body that
 * already names its key or version is left as it is (a test of a stale or replayed form).
 */
type Fields = Record<string, string | string[]>;

const UUID = "[0-9a-f-]{36}";
const is = (pattern: string, pathname: string) => new RegExp(`^${pattern}$`).test(pathname);

function isCreate(pathname: string, fields: { get: (k: string) => string | undefined }): boolean {
  const intent = fields.get("intent") ?? "";
  if (["/partners/commitments/new", "/meetings/new", "/responsibilities/new", "/funding/new", "/announcements/new"].includes(pathname)) return true;
  if (is(`/partners/${UUID}/delegates`, pathname)) return intent === "add";
  if (is(`/partners/commitments/${UUID}`, pathname)) return true;
  if (is(`/meetings/${UUID}`, pathname)) return ["decision", "responsibility", "upload"].includes(intent);
  if (is(`/responsibilities/${UUID}`, pathname)) return intent === "comment";
  if (pathname === "/action-plan") return intent === "create" || intent === "copy";
  if (is("/action-plan/\\d{4}", pathname)) return ["objective", "action", "indicator"].includes(intent) && !fields.get("id");
  if (is(`/funding/${UUID}`, pathname)) return ["report", "spending", "document"].includes(intent);
  if (pathname === "/handover") return intent === "start";
  return false;
}

type Page = Record<string, unknown> & {
  versions?: Record<string, unknown> & { minutes?: Record<string, number>; attendance?: number };
};

/** Where the page puts the version the form carries; undefined when the form is not an edit. */
function versionOf(pathname: string, fields: { get: (k: string) => string | undefined }, page: Page): number | undefined {
  const intent = fields.get("intent") ?? "";
  const at = (value: unknown) => (typeof value === "number" ? value : undefined);
  if (is(`/meetings/${UUID}`, pathname)) {
    if (intent === "minutes") return at(page.versions?.minutes?.[fields.get("itemId") ?? ""]);
    if (intent === "attendance") return at(page.versions?.attendance);
    // The pivot meetings' poll and agenda review carry the meeting's version, like its assessment.
    if (["objectives", "openPoll", "pickSlot", "activityReview"].includes(intent)) return at((page.meeting as { version?: number } | undefined)?.version);
    return undefined;
  }
  if (is(`/meetings/${UUID}/edit`, pathname)) return at(page.version);
  if (is(`/responsibilities/${UUID}`, pathname)) return intent === "status" || intent === "edit" ? at((page.item as { version?: number } | undefined)?.version) : undefined;
  if (is("/action-plan/\\d{4}", pathname)) {
    if (intent === "plan") return at((page.plan as { version?: number } | undefined)?.version);
    const id = fields.get("id");
    return id && ["objective", "action", "indicator"].includes(intent) ? at(page.versions?.[id]) : undefined;
  }
  if (pathname === "/partners/commitments/text") return intent === "save" ? at(page.draftVersion) : undefined;
  if (pathname === "/handover") return intent === "checklist" || intent === "refresh" ? at(page.checklistVersion) : undefined;
  if (is(`/partners/${UUID}/edit`, pathname)) return at((page.organization as { version?: number } | undefined)?.version);
  if (is(`/partners/matrix/${UUID}`, pathname)) return at((page.row as { version?: number } | undefined)?.version);
  if (is(`/funding/${UUID}`, pathname)) return intent === "grant" ? at((page.grant as { version?: number } | undefined)?.version) : undefined;
  return undefined;
}

const needsVersion = (pathname: string, intent: string) =>
  (is(`/meetings/${UUID}`, pathname) && ["minutes", "attendance", "openPoll", "pickSlot", "activityReview"].includes(intent)) ||
  is(`/meetings/${UUID}/edit`, pathname) ||
  (is(`/responsibilities/${UUID}`, pathname) && (intent === "status" || intent === "edit")) ||
  is("/action-plan/\\d{4}", pathname) ||
  (pathname === "/partners/commitments/text" && intent === "save") ||
  (pathname === "/handover" && (intent === "checklist" || intent === "refresh")) ||
  is(`/partners/${UUID}/edit`, pathname) ||
  is(`/partners/matrix/${UUID}`, pathname) ||
  (is(`/funding/${UUID}`, pathname) && intent === "grant");

/** The page's loader data, as the same person sees it (null when the page is not theirs). */
async function readPage(url: string, cookie: string | null | undefined, context: unknown): Promise<Page | null> {
  const target = new URL(url, "http://localhost:3000");
  const { route, params } = matchRoute(target.pathname);
  const mod = await importRoute(route.file);
  if (!mod.loader) return null;
  const headers = new Headers();
  if (cookie) headers.set("cookie", cookie);
  // Read in a transaction rolled back: opening the page leaves no trace (a denied page would
  // otherwise add an audited denial the test did not make).
  const db = (context as { db: Database }).db;
  let page: Page | null = null;
  await db
    .transaction(async (tx) => {
      try {
        const value = (await (mod.loader as (a: unknown) => unknown)({ request: new Request(target, { headers }), params, context: { ...(context as object), db: tx } })) as unknown;
        const data = value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit" ? (value as { data: unknown }).data : value;
        page = value instanceof Response ? null : ((data ?? null) as Page | null);
      } catch {
        page = null;
      }
      throw new RolledBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  return page;
}

class RolledBack extends Error {}

export async function asPageSends<B extends Fields | FormData>(input: { url: string; body: B; cookie?: string | null; context: unknown }): Promise<B> {
  const pathname = new URL(input.url, "http://localhost:3000").pathname;
  const body = input.body;
  const get = (k: string): string | undefined => {
    if (body instanceof FormData) {
      const v = body.get(k);
      return typeof v === "string" ? v : undefined;
    }
    const v = body[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const out = (body instanceof FormData ? body : { ...body }) as B;
  const target = { get, set: (k: string, v: string) => (out instanceof FormData ? out.set(k, v) : ((out as Fields)[k] = v)) };
  if (isCreate(pathname, target) && get(SUBMISSION_KEY_FIELD) === undefined) target.set(SUBMISSION_KEY_FIELD, randomUUID());
  if (get("version") === undefined && needsVersion(pathname, get("intent") ?? "")) {
    const page = await readPage(input.url, input.cookie, input.context);
    const version = page ? versionOf(pathname, target, page) : undefined;
    if (version !== undefined) target.set("version", String(version));
  }
  return out;
}
