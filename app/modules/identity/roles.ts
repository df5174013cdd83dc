// Plain data, free of the ORM, so that client components may import it.
export const roles = [
  "platform_admin",
  "table_coordinator", // coordination de la Table
  "table_member", // délégué·e d'une organisation
  "pivot_coordinator", // coordonnateur·trice des pivots
  "pivot", // intervenant·e pivot
  "trainer", // formateur·trice
  "observer", // observateur·trice
  "evaluator", // évaluateur·trice
  "privacy_officer", // responsable de la protection des renseignements personnels
  "worker", // intervenant·e
] as const;
export type Role = (typeof roles)[number];
