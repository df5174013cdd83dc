import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { actionStatuses } from "./vocabulary.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

export { actionStatuses } from "./vocabulary.ts";

/** The annual action plan (plan d'action annuel): one per Table and year. */
export const actionPlan = pgTable(
  "action_plan",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** The plan this one was copied from ("copy last year's plan as a start"). */
    copiedFromId: uuid("copied_from_id"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("action_plan_year_idx").on(t.partnershipId, t.year), check("action_plan_year_range", sql`${t.year} between 1990 and 2200`)],
);

/** An objective of a plan; responsibilities (meetings) may link to it. */
export const actionPlanObjective = pgTable(
  "action_plan_objective",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlan.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("action_plan_objective_plan_idx").on(t.partnershipId, t.planId, t.position)],
);

/** An action serving an objective, with its dates, status and progress. */
export const actionPlanAction = pgTable(
  "action_plan_action",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlan.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => actionPlanObjective.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    status: text("status", { enum: actionStatuses }).notNull().default("planned"),
    progress: integer("progress").notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("action_plan_action_plan_idx").on(t.partnershipId, t.planId, t.objectiveId),
    check("action_plan_action_progress", sql`${t.progress} between 0 and 100`),
    check("action_plan_action_dates", sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.startsOn} <= ${t.endsOn}`),
  ],
);

/** The organizations responsible for an action. */
export const actionPlanActionOrganization = pgTable(
  "action_plan_action_organization",
  {
    partnershipId: partnershipIdColumn(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actionPlanAction.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organization.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.organizationId] }), index("action_plan_action_org_idx").on(t.organizationId)],
);

/** An indicator of an objective: a target and, at year end, the actual result. */
export const actionPlanIndicator = pgTable(
  "action_plan_indicator",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlan.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => actionPlanObjective.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    label: text("label").notNull(),
    unit: text("unit").notNull().default(""),
    target: numeric("target", { precision: 12, scale: 2, mode: "number" }).notNull(),
    actual: numeric("actual", { precision: 12, scale: 2, mode: "number" }),
    /** Bound to a registry indicator (indicators/registry.ts): the plan then shows its live value instead of `actual`. */
    indicatorCode: text("indicator_code"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("action_plan_indicator_plan_idx").on(t.partnershipId, t.planId, t.objectiveId)],
);
