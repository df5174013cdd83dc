import { isClienteleCode, isLanguageCode } from "./vocabulary.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DirectoryParams {
  q: string;
  organizationId: string;
  siteId: string;
  territory: string;
  language: string;
  clientele: string;
  expertise: string;
  page: number;
}

const text = (value: string | null, max = 100) => (value ?? "").trim().slice(0, max);

/** The search form's query string, cleaned: an unknown code or a malformed id is ignored, never an error. */
export function parseDirectoryParams(search: URLSearchParams): DirectoryParams {
  const id = (key: string) => {
    const v = text(search.get(key), 40);
    return UUID.test(v) ? v.toLowerCase() : "";
  };
  const language = text(search.get("language"), 10);
  const clientele = text(search.get("clientele"), 40);
  const page = Number.parseInt(search.get("page") ?? "1", 10);
  return {
    q: text(search.get("q"), 120),
    organizationId: id("organizationId"),
    siteId: id("siteId"),
    territory: text(search.get("territory")),
    language: isLanguageCode(language) ? language : "",
    clientele: isClienteleCode(clientele) ? clientele : "",
    expertise: text(search.get("expertise")),
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The same search at another page. */
export function directoryHref(params: DirectoryParams, page: number): string {
  const search = new URLSearchParams();
  for (const key of ["q", "organizationId", "siteId", "territory", "language", "clientele", "expertise"] as const) {
    if (params[key]) search.set(key, params[key]);
  }
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `/directory?${qs}` : "/directory";
}
