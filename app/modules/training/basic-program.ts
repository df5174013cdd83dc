import type { ProgramDay } from "./vocabulary.ts";

/** The basic 2-day training (formation de base de 2 jours), written for the demo and new Tables. */
export const basicProgram = {
  slug: "formation-de-base",
  nameFr: "Formation de base en prévention de l'exploitation sexuelle (2 jours)",
  nameEn: "Basic training in preventing sexual exploitation (2 days)",
  summaryFr: "Deux jours pour reconnaître les signes, réagir avec justesse et orienter vers les bons services, donnés par un duo de formateurs de deux organisations.",
  summaryEn: "Two days to recognize the signs, respond appropriately and refer to the right services, given by a pair of trainers from two organizations.",
  guideModules: ["savoir", "savoir-etre", "savoir-faire"],
  days: [
    {
      titleFr: "Jour 1 — Comprendre",
      titleEn: "Day 1 — Understanding",
      objectivesFr: ["Définir l'exploitation sexuelle et ses formes", "Reconnaître les facteurs de vulnérabilité et les signes", "Examiner ses propres attitudes"],
      objectivesEn: ["Define sexual exploitation and its forms", "Recognize vulnerability factors and signs", "Examine one's own attitudes"],
    },
    {
      titleFr: "Jour 2 — Agir",
      titleEn: "Day 2 — Acting",
      objectivesFr: ["Accueillir une confidence sans juger", "Connaître le rôle du pivot et le parcours « j'ai un doute »", "Orienter vers les bons services de la région"],
      objectivesEn: ["Receive a disclosure without judging", "Know the pivot's role and the \"I have a doubt\" pathway", "Refer to the right services in the region"],
    },
  ] satisfies ProgramDay[],
};
