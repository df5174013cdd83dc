// The one schema shared by PGlite and PostgreSQL. Each module owns its tables.
export * from "../governance/tables.ts";
export * from "../identity/tables.ts";
export * from "../audit/tables.ts";
export * from "../jobs/tables.ts";
export * from "../email/tables.ts";
export * from "../directory/tables.ts";
export * from "../pathway/tables.ts";
export * from "../consultations/tables.ts";
export * from "../pivot-activities/tables.ts";
export * from "../guide/tables.ts";
export * from "../training/tables.ts";
export * from "../files/tables.ts";
