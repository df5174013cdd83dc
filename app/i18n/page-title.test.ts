import { describe, expect, it } from "vitest";
import { pickMessages, translator } from "./catalog.ts";
import { pageTitle } from "./page-title.ts";

/** The locale reaches format(): plurals and numbers follow the reader's language everywhere. */
describe("the locale threaded to format()", () => {
  it("pageTitle reads it from the root's data", () => {
    const root = (locale: "fr" | "en") => [{ id: "root", data: { locale, messages: pickMessages(locale, ["common"]) } }];
    expect(pageTitle(root("fr"), "common.results", { count: 1 })).toEqual([{ title: "1 résultat — Filet" }]);
    expect(pageTitle(root("fr"), "common.results", { count: 0 })).toEqual([{ title: "Aucun résultat — Filet" }]);
    expect(pageTitle(root("en"), "common.results", { count: 0 })).toEqual([{ title: "No results — Filet" }]);
    expect(pageTitle(root("en"), "common.results", { count: 1234 }, "Annie")).toEqual([{ title: "Annie — 1,234 results — Filet" }]);
  });

  it("the server translator uses its own", () => {
    expect(translator("fr")("common.results", { count: 1234 })).toBe("1\u00a0234 résultats");
    expect(translator("en")("common.results", { count: 1 })).toBe("1 result");
    expect(translator("fr")("training.participants.cancelFor", { name: "Hélène" })).toBe("Annuler l'inscription d'Hélène");
  });
});
