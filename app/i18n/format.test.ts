import { describe, expect, it } from "vitest";
import { elide, elidesBefore, format, formatDuration, MessageSyntaxError, parseMessage } from "./format.ts";

const results = "{count, plural, =0 {aucun résultat} one {# résultat} other {# résultats}}";
const resultsEn = "{count, plural, =0 {no results} one {# result} other {# results}}";

describe("format", () => {
  it("fills plain variables, keeps unknown ones and plain text", () => {
    expect(format("Bonjour {name}, page {page}", { name: "Annie", page: 2 }, "fr")).toBe("Bonjour Annie, page 2");
    expect(format("Bonjour {name}", {}, "fr")).toBe("Bonjour {name}");
    expect(format("Bonjour {name}", undefined, "fr")).toBe("Bonjour {name}");
    expect(format("Aucune variable.", { name: "x" }, "fr")).toBe("Aucune variable.");
    expect(format("Event #{id}: {reason}", { id: 7, reason: "hash" }, "en")).toBe("Event #7: hash");
  });

  it("leaves a plain number as it is given (a year is not grouped)", () => {
    expect(format("Plan {year}", { year: 2025 }, "fr")).toBe("Plan 2025");
  });

  it("picks the French plural category: 0 and 1 are one, =0 wins over it", () => {
    expect(format(results, { count: 0 }, "fr")).toBe("aucun résultat");
    expect(format(results, { count: 1 }, "fr")).toBe("1 résultat");
    expect(format(results, { count: 2 }, "fr")).toBe("2 résultats");
    expect(format("{count, plural, one {# place prise} other {# places prises}}", { count: 0 }, "fr")).toBe("0 place prise");
    expect(format("{count, plural, one {# place prise} other {# places prises}}", { count: 1.5 }, "fr")).toBe("1,5 place prise");
  });

  it("picks the English plural category: 0 is other", () => {
    expect(format("{count, plural, one {# result} other {# results}}", { count: 0 }, "en")).toBe("0 results");
    expect(format(resultsEn, { count: 0 }, "en")).toBe("no results");
    expect(format(resultsEn, { count: 1 }, "en")).toBe("1 result");
    expect(format(resultsEn, { count: 1.5 }, "en")).toBe("1.5 results");
  });

  it("formats # with the locale's number format", () => {
    expect(format(results, { count: 1234 }, "fr")).toBe("1\u00a0234 résultats");
    expect(format(resultsEn, { count: 1234 }, "en")).toBe("1,234 results");
  });

  it("falls back to other for a category the message does not list (French many)", () => {
    expect(format(results, { count: 1_000_000 }, "fr")).toBe("1\u00a0000\u00a0000 résultats");
  });

  it("reads a numeric string as its number, and a non-number as other", () => {
    expect(format(results, { count: "1" }, "fr")).toBe("1 résultat");
    expect(format(results, { count: "beaucoup" }, "fr")).toBe("beaucoup résultats");
  });

  it("fills variables and nested plurals inside a branch; # is the innermost number", () => {
    const t = "{done, plural, one {# faite} other {# faites}} sur {total, plural, one {# prévue ({name})} other {# prévues ({name}, {done, plural, other {#}})}}";
    expect(format(t, { done: 3, total: 5, name: "plan" }, "fr")).toBe("3 faites sur 5 prévues (plan, 3)");
    expect(format("{a, plural, other {# et {b, plural, other {#}} et #}}", { a: 1, b: 2 }, "en")).toBe("1 et 2 et 1");
  });

  it("keeps a plural whose variable is missing as written", () => {
    expect(format(`Vu : ${results}`, {}, "fr")).toBe(`Vu : ${results}`);
  });

  it("elides de, le, que… before a vowel or a mute h, and not elsewhere", () => {
    const t = "L'attestation {name, elide, de}";
    expect(format(t, { name: "Annie Roy" }, "fr")).toBe("L'attestation d'Annie Roy");
    expect(format(t, { name: "Bernard" }, "fr")).toBe("L'attestation de Bernard");
    expect(format(t, { name: "Élodie" }, "fr")).toBe("L'attestation d'Élodie");
    expect(format(t, { name: "Hélène" }, "fr")).toBe("L'attestation d'Hélène");
    expect(format(t, { name: "Hockey Québec" }, "fr")).toBe("L'attestation de Hockey Québec");
    expect(format(t, { name: "Yves" }, "fr")).toBe("L'attestation d'Yves");
    expect(format(t, { name: "Yannick" }, "fr")).toBe("L'attestation de Yannick");
    expect(format(t, { name: "UQAM" }, "fr")).toBe("L'attestation d'UQAM");
    expect(format(t, { name: "2025" }, "fr")).toBe("L'attestation de 2025");
    expect(format(t, { name: "« Projet »" }, "fr")).toBe("L'attestation de « Projet »");
    expect(format("{name, elide, le} choisi", { name: "organisme" }, "fr")).toBe("l'organisme choisi");
    expect(format("{name, elide, la} fiche", { name: "une" }, "fr")).toBe("l'une fiche");
    expect(format("Il faut {name, elide, que} signe", { name: "Isabelle" }, "fr")).toBe("Il faut qu'Isabelle signe");
    expect(format("{name, elide, De} retour", { name: "Amir" }, "fr")).toBe("D'Amir retour");
    expect(format("{name, elide, De} retour", { name: "Marc" }, "fr")).toBe("De Marc retour");
    expect(format("Fiche {name, elide, de}", {}, "fr")).toBe("Fiche {name, elide, de}");
  });

  it("tells elision from spelling", () => {
    expect(["Annie", "île", "œuvre", "hôpital", "Hugo", "Yvonne", "Ismaël", "OBNL"].filter((w) => !elidesBefore(w))).toEqual([]);
    expect(["Bernard", "hasard", "Hollande", "haut-parleur", "yaourt", "7 organismes", "", " "].filter(elidesBefore)).toEqual([]);
    expect(elide("jusque", "à demain")).toBe("jusqu'à demain");
  });

  it("fills a malformed template the simple way instead of failing", () => {
    expect(format("{count, plural, one {# x}} et {name}", { count: 1, name: "Annie" }, "fr")).toBe("{count, plural, one {# x}} et Annie");
  });
});

describe("parseMessage", () => {
  it("accepts the documented forms", () => {
    expect(() => parseMessage(results)).not.toThrow();
    expect(() => parseMessage("{ n , plural , =1 {un} other {#} }")).not.toThrow();
    expect(() => parseMessage("{name, elide, que}")).not.toThrow();
  });

  it.each([
    ["{count, plural, one {# x}}", /other/],
    ["{count, plural, few {a} few {b} other {c}}", /repeated/],
    ["{count, plural, lots {a} other {c}}", /unknown plural selector/],
    ["{count, plural, other {c}", /unclosed|expected/],
    ["{count, select, a {x} other {y}}", /unknown argument type/],
    ["{name, elide, des}", /unknown elision particle/],
    ["texte } seul", /unexpected \}/],
    ["{}", /variable name/],
  ])("refuses %s", (template, message) => {
    expect(() => parseMessage(template)).toThrow(MessageSyntaxError);
    expect(() => parseMessage(template)).toThrow(message);
  });
});

describe("formatDuration", () => {
  it("reads minutes under an hour, hours from one hour on, the way each language writes them", () => {
    expect(formatDuration("fr", 45)).toBe("45\u00a0min");
    expect(formatDuration("fr", 120)).toBe("2\u00a0h");
    expect(formatDuration("fr", 90)).toBe("1\u00a0h\u00a030");
    expect(formatDuration("en", 90)).toBe("1\u00a0h\u00a030\u00a0min");
    expect(formatDuration("en", 65)).toBe("1\u00a0h\u00a005\u00a0min");
  });
});
