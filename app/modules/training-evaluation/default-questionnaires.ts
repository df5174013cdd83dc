import type { Question } from "./vocabulary.ts";

/** A starting observation grid: what an observer looks at during a session (demo and new Tables). */
export const defaultObservationGrid: Question[] = [
  { key: "obs-objectives", kind: "scale", section: "satisfaction", labelFr: "Les objectifs de la journée sont présentés clairement.", labelEn: "The day's objectives are presented clearly." },
  { key: "obs-pair", kind: "scale", section: "satisfaction", labelFr: "Le duo de formateurs se partage la parole et se complète.", labelEn: "The trainer pair shares the floor and complements each other." },
  { key: "obs-participation", kind: "scale", section: "satisfaction", labelFr: "Les participants de milieux différents échangent entre eux.", labelEn: "Participants from different milieux exchange with one another." },
  { key: "obs-exercises", kind: "yesno", section: "satisfaction", labelFr: "Les exercices prévus du guide ont été animés.", labelEn: "The planned guide exercises were run." },
  { key: "obs-safety", kind: "yesno", section: "satisfaction", labelFr: "Un cadre de sécurité émotionnelle a été posé (droit de se retirer, ressources d'aide).", labelEn: "An emotional safety frame was set (right to step out, help resources)." },
  { key: "obs-notes", kind: "text", section: "satisfaction", labelFr: "Points forts et pistes d'amélioration", labelEn: "Strengths and areas for improvement" },
];

/** A starting end-of-training questionnaire: satisfaction, then a short true/false knowledge check. */
export const defaultEvaluation: Question[] = [
  { key: "sat-overall", kind: "scale", section: "satisfaction", labelFr: "Dans l'ensemble, je suis satisfait·e de la formation.", labelEn: "Overall, I am satisfied with the training." },
  { key: "sat-useful", kind: "scale", section: "satisfaction", labelFr: "Ce que j'ai appris sera utile dans ma pratique.", labelEn: "What I learned will be useful in my practice." },
  { key: "sat-pair", kind: "scale", section: "satisfaction", labelFr: "Le duo de formateurs a bien animé la formation.", labelEn: "The trainer pair ran the training well." },
  { key: "sat-recommend", kind: "yesno", section: "satisfaction", labelFr: "Je recommanderais cette formation à un collègue.", labelEn: "I would recommend this training to a colleague." },
  { key: "sat-comment", kind: "text", section: "satisfaction", labelFr: "Un commentaire pour améliorer la formation?", labelEn: "A comment to improve the training?" },
  {
    key: "kn-consent",
    kind: "yesno",
    section: "knowledge",
    labelFr: "Une personne mineure peut consentir à être exploitée sexuellement si elle semble d'accord.",
    labelEn: "A minor can consent to being sexually exploited if they seem to agree.",
    correct: "no",
  },
  {
    key: "kn-pivot",
    kind: "yesno",
    section: "knowledge",
    labelFr: "En cas de doute, je peux consulter l'intervenant pivot de mon organisation avant d'agir.",
    labelEn: "When in doubt, I can consult my organization's pivot worker before acting.",
    correct: "yes",
  },
  {
    key: "kn-signs",
    kind: "yesno",
    section: "knowledge",
    labelFr: "Un cadeau coûteux d'un nouvel « ami » plus âgé peut être un signe de recrutement.",
    labelEn: "An expensive gift from a new, older \"friend\" can be a sign of recruitment.",
    correct: "yes",
  },
];
