import { describe, expect, it } from "vitest";
import { isStale } from "./dates.ts";
import { buildSearchText, foldForSearch } from "./search-text.server.ts";
import { queryWords } from "./search-directory.server.ts";
import { directoryHref, parseDirectoryParams } from "./directory-params.ts";
import { createDesignationSchema, fieldErrorsOf, parseTags } from "./designation-schema.ts";
import { parsePartnershipSettings } from "../settings/partnership-settings.server.ts";
import { addMonths, quebecDay } from "../time/days.ts";

describe("directory helpers", () => {
  it("folds text like search_text: no accents, no capitals, single spaces", () => {
    expect(foldForSearch("  Hélène   BÉRUBÉ-Tremblay ")).toBe("helene berube-tremblay");
    expect(foldForSearch("Lévis, Québec, Sept-Îles, Maëlle, François")).toBe("levis, quebec, sept-iles, maelle, francois");
    expect(queryWords("Hélène  B. x y z a b c")).toEqual(["helene", "b.", "x", "y", "z", "a"]);
    const text = buildSearchText({
      givenName: "Hélène",
      familyName: "Bouchard",
      title: "Travailleuse sociale",
      organizationNameFr: "CSSS de la Vieille-Capitale",
      organizationNameEn: "CSSS de la Vieille-Capitale",
      organizationAcronym: "CSSS VC",
      organizationTerritory: "Québec",
      siteName: "CLSC de la Basse-Ville",
      siteMunicipality: "Québec",
    });
    expect(text).toBe("helene bouchard | travailleuse sociale | csss de la vieille-capitale | csss vc | quebec | clsc de la basse-ville");
  });

  it("counts calendar months for freshness, clamping the day", () => {
    expect(addMonths(new Date("2026-08-31T12:00:00Z"), -6).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    const now = new Date("2026-11-23T12:00:00Z");
    expect(isStale(new Date("2026-05-22T12:00:00Z"), now, 6)).toBe(true);
    expect(isStale(new Date("2026-05-24T12:00:00Z"), now, 6)).toBe(false);
    // Québec's date, not UTC's: 02:00 UTC is still the day before in Québec.
    expect(quebecDay(new Date("2026-11-24T02:00:00Z"))).toBe("2026-11-23");
  });

  it("reads the Table's settings with safe defaults", () => {
    expect(parsePartnershipSettings({}, "1 800 555-0199")).toEqual({ directoryFreshnessMonths: 6, dpjPhone: "1 800 555-0199", meetingKinds: [] });
    expect(parsePartnershipSettings({ directoryFreshnessMonths: 3, consultationRetentionMonths: "24" }, "").directoryFreshnessMonths).toBe(3);
    expect(parsePartnershipSettings({ directoryFreshnessMonths: -1, consultationRetentionMonths: "abc" }, "")).toMatchObject({ directoryFreshnessMonths: 6 });
  });

  it("cleans the search query string and rebuilds it for the pager", () => {
    const params = parseDirectoryParams(new URLSearchParams("q=helene&organizationId=bad&language=xx&clientele=lgbtq&page=3"));
    expect(params).toMatchObject({ q: "helene", organizationId: "", language: "", clientele: "lgbtq", page: 3 });
    expect(directoryHref(params, 4)).toBe("/directory?q=helene&clientele=lgbtq&page=4");
    expect(directoryHref({ ...params, q: "", clientele: "" }, 1)).toBe("/directory");
  });

  it("parses the designation form: tags, dates, languages", () => {
    expect(parseTags("Exploitation en ligne, gangs de rue; exploitation EN LIGNE,, ")).toEqual(["Exploitation en ligne", "gangs de rue"]);
    const ok = createDesignationSchema.safeParse({
      organizationId: "6d9c62ac-0400-4a16-9a7e-fe8e2838a5d8",
      personId: "24f7d624-5a62-4868-a61d-822a3f1ab1dc",
      rank: "primary",
      since: "2026-01-05",
      languages: ["fr"],
      contactPhone: "418 555-0150 poste 12",
    });
    expect(ok.success).toBe(true);
    const bad = createDesignationSchema.safeParse({ organizationId: "x", rank: "boss", since: "2026-13-01", until: "2020-01-01", languages: [], contactPhone: "call me" });
    expect(bad.success).toBe(false);
    const fields = Object.keys(fieldErrorsOf(bad.error!)).filter((k) => fieldErrorsOf(bad.error!)[k]?.length).sort();
    expect(fields).toEqual(["contactPhone", "languages", "organizationId", "personId", "rank", "since"]);
  });
});
