import { phoneKey, type PublicPhones } from "./phone-key.ts";

export interface HelpLine {
  name: string;
  number: string;
  /** What the line is for, so whoever maintains the list knows why it is here. */
  what: string;
}

/**
 * National and provincial help lines a pivot may give in a reply: public numbers, they
 * identify no youth. Keep each entry with its source; check them once a year (numbers rarely
 * change, but they do). A number that is not here, in the Table's settings or in its directory
 * is flagged like any other.
 */
export const helpLines: readonly HelpLine[] = [
  // Source: https://www.quebec.ca/urgence — police, ambulance, fire.
  { name: "911", number: "911", what: "Urgence : danger immédiat" },
  // Source: https://www.quebec.ca/sante/trouver-une-ressource/info-social-811
  { name: "Info-Social 811 / Info-Santé 811", number: "811", what: "Consultation psychosociale et santé, 24/7, Québec" },
  // Source: https://www.teljeunes.com/ (phone and text)
  { name: "Tel-jeunes", number: "1 800 263-2266", what: "Écoute et aide pour les jeunes, 24/7, Québec" },
  { name: "Tel-jeunes (texto)", number: "514 600-1002", what: "Tel-jeunes par texto" },
  // Source: https://jeunessejecoute.ca/ — https://kidshelpphone.ca/ (phone, and text 686868)
  { name: "Jeunesse, J'écoute / Kids Help Phone", number: "1 800 668-6868", what: "Écoute pour les jeunes, 24/7, Canada" },
  { name: "Jeunesse, J'écoute / Kids Help Phone (texto)", number: "686868", what: "Jeunesse, J'écoute par texto" },
  // Source: https://aqps.info/ — 1 866 APPELLE, the Québec suicide-prevention line.
  { name: "Centre de prévention du suicide (1 866 APPELLE)", number: "1 866 277-3553", what: "Prévention du suicide, 24/7, Québec" },
  // Source: https://988.ca/
  { name: "9-8-8", number: "988", what: "Ligne d'aide en cas de crise de suicide, 24/7, Canada" },
  // Source: https://www.canadiancentretoendhumantrafficking.ca/ — Canadian Human Trafficking Hotline.
  { name: "Ligne d'urgence canadienne contre la traite des personnes", number: "1 833 900-1010", what: "Traite et exploitation sexuelle, 24/7, Canada" },
  // Source: https://infoaideviolencesexuelle.ca/
  { name: "Info-aide violence sexuelle", number: "1 888 933-9007", what: "Victimes de violence sexuelle, 24/7, Québec" },
  // Source: https://www.cyberaide.ca/ — Cybertip.ca, Canadian Centre for Child Protection.
  { name: "Cyberaide.ca", number: "1 866 658-9022", what: "Signalement de l'exploitation sexuelle d'enfants en ligne, Canada" },
  // Source: https://sosviolenceconjugale.ca/
  { name: "SOS violence conjugale", number: "1 800 363-9010", what: "Violence conjugale, 24/7, Québec" },
  // Source: https://interligne.co/
  { name: "Interligne", number: "1 888 505-1010", what: "Écoute pour les personnes LGBTQ+, 24/7" },
  // Source: https://www.ligneparents.com/
  { name: "Ligne Parents", number: "1 800 361-5085", what: "Soutien aux parents, 24/7, Québec" },
  // Source: https://aidedrogue.ca/
  { name: "Drogue : aide et référence", number: "1 800 265-2626", what: "Dépendances, 24/7, Québec" },
  // Source: https://cavac.qc.ca/
  { name: "CAVAC", number: "1 866 532-2822", what: "Aide aux victimes d'actes criminels, Québec" },
  // Source: https://www.echecaucrime.com/
  { name: "Échec au crime", number: "1 800 711-1800", what: "Signalement anonyme d'un crime, Québec" },
  // Source: https://www.espoirpourlemieuxetre.ca/ — Hope for Wellness.
  { name: "Ligne d'écoute d'espoir pour le mieux-être", number: "1 855 242-3310", what: "Écoute pour les Autochtones, 24/7, Canada" },
];

export const helpLinePhones: PublicPhones = new Set(helpLines.map((line) => phoneKey(line.number)));
