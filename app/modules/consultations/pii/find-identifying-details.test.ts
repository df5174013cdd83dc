import { describe, expect, it } from "vitest";
import { findIdentifyingDetails } from "./find-identifying-details.ts";

const kinds = (text: string) => findIdentifyingDetails(text).map((f) => [f.kind, f.text]);

describe("identifying-details guard", () => {
  it.each([
    ["Appelez-la au 418 555-1234 après l'école.", "phone", "418 555-1234"],
    ["Son numéro : (581) 555-0199 poste 12", "phone", "(581) 555-0199 poste 12"],
    ["cell 4185550199", "phone", "4185550199"],
    ["call +1 418.555.0101 tonight", "phone", "+1 418.555.0101"],
    ["Écrire à jeune.fille2009@hotmail.com", "email", "jeune.fille2009@hotmail.com"],
    ["Carte RAMQ TREJ 0912 3456 vue au dossier", "health_insurance_number", "TREJ 0912 3456"],
    ["NAM: abcd12345678", "health_insurance_number", "abcd12345678"],
    ["Elle habite au 1234, rue Saint-Jean", "street_address", "1234, rue Saint-Jean"],
    ["près du 12 boul. Charest Ouest", "street_address", "12 boul. Charest Ouest"],
    ["lives at 55 Maple Street with her aunt", "street_address", "55 Maple Street"],
    ["code postal G1R 2B5", "postal_code", "G1R 2B5"],
    ["postal code h2x1y4", "postal_code", "h2x1y4"],
    ["née le 12 mars 2011", "date_of_birth", "12 mars 2011"],
    ["DOB: 2010-04-05", "date_of_birth", "2010-04-05"],
    ["born May 3, 2012 in Lévis", "date_of_birth", "May 3, 2012"],
    ["sa fête: 03/07/2009", "date_of_birth", "03/07/2009"],
    ["son snap est @lili_qc", "social_handle", "@lili_qc"],
    ["snap: lili.qc", "social_handle", "lili.qc"],
    ["profil instagram.com/lili.qc2", "social_handle", "instagram.com/lili.qc2"],
    ["une jeune nommée Océane Tremblay fréquente", "person_name", "Océane Tremblay"],
    ["Her name is Kayla and she is 15", "person_name", "Kayla"],
    ["Jessica a fugué deux fois ce mois-ci", "person_name", "Jessica"],
    ["sa mère Nathalie ne répond plus", "person_name", "Nathalie"],
    ["Mme Gagnon a appelé", "person_name", "Gagnon"],
  ])("flags %j", (text, kind, found) => {
    expect(kinds(text)).toContainEqual([kind, found]);
  });

  it.each([
    "Une jeune de 15 ans dit recevoir des cadeaux d'un homme plus âgé qui lui demande des photos.",
    "Depuis trois semaines, elle s'absente souvent et parle d'un nouvel ami rencontré en ligne.",
    "A 14-year-old boy mentions an adult offering him money for rides to parties.",
    "Rencontre prévue le 12 mai 2026 à 14 h avec l'équipe-école; 3 intervenants présents.",
    "La Table se réunit au CLSC de la Haute-Ville. Signalement à la DPJ fait en 2025.",
    "Elle a une amie proche à l'école secondaire et de bonnes notes en mathématiques.",
    "Question: doit-on signaler à la DPJ si la jeune refuse? Urgence moyenne.",
    "He says his friend pays for his phone. Should I consult the SPVQ pivot?",
  ])("does not flag ordinary text: %j", (text) => {
    expect(findIdentifyingDetails(text)).toEqual([]);
  });

  it("returns exact, non-overlapping offsets", () => {
    const text = "Courriel lili@exemple.ca ou 418-555-1234.";
    for (const f of findIdentifyingDetails(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findIdentifyingDetails(text).map((f) => f.kind)).toEqual(["email", "phone"]);
  });
});
