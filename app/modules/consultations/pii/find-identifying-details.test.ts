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
    // Emails written to dodge filters.
    ["Courriel: lili_2010 @ hotmail.com", "email", "lili_2010 @ hotmail.com"],
    ["écrire à lili.qc (at) gmail (dot) com", "email", "lili.qc (at) gmail (dot) com"],
    // Numbered streets ("3e Avenue", "1st Avenue").
    ["Elle habite au 245 3e Avenue, app. 4", "street_address", "245 3e Avenue"],
    ["lives at 410 1st Avenue", "street_address", "410 1st Avenue"],
    // A street name that is also a French article.
    ["au 80 boulevard Le Corbusier", "street_address", "80 boulevard Le Corbusier"],
    // More first names of the youths' generation.
    ["My student Emily skipped class", "person_name", "Emily"],
    ["Maëlle ne vient plus aux cours", "person_name", "Maëlle"],
    ["Lilou a parlé d'un nouvel ami", "person_name", "Lilou"],
    // Handles named after their platform, in the ways people write them.
    ["son snap c'est lilou.qc", "social_handle", "lilou.qc"],
    ["sur snap (lilou_2010)", "social_handle", "lilou_2010"],
    ["her insta is lilou.qc", "social_handle", "lilou.qc"],
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
    "Il y a 3 rue et 2 avenues autour de l'école, et 1 route pour s'y rendre.",
    "There are 2 roads to the school and 1 street near the park.",
    "Elle utilise Snapchat et Instagram tous les jours.",
    "Rendez-vous @ 14 h au CLSC, salle 2.",
    // A platform named in a sentence is not a handle.
    "Snapchat est une application populaire chez les jeunes.",
    "Instagram is where they met.",
    "Son compte TikTok est privé.",
    "Le contact sur Snapchat est insistant.",
    "Elle a reçu des messages sur Discord, est-ce grave?",
    "Instagram: elle y passe des heures.",
    "Suivez le fil d'Ariane pour revenir à la liste.",
    "Article 39 de la LPJ; voir aussi les articles 43 et 44.",
  ])("does not flag ordinary text: %j", (text) => {
    expect(findIdentifyingDetails(text)).toEqual([]);
  });

  it("returns exact, non-overlapping offsets", () => {
    const text = "Courriel lili@exemple.ca ou 418-555-1234.";
    for (const f of findIdentifyingDetails(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findIdentifyingDetails(text).map((f) => f.kind)).toEqual(["email", "phone"]);
  });
});
