/**
 * The indicator registry's shapes (plain: no DB, no React). An indicator's computation reads
 * live data for one Table and one period and answers raw figures; they leave for a page, a chart
 * or an export only through disclosure control (disclose-indicator.server.ts).
 */

/** How a figure can be broken down (désagrégation). */
export const disaggregations = ["organization", "organization_type", "territory", "language"] as const;
export type Disaggregation = (typeof disaggregations)[number];

export type IndicatorType = "count" | "percent" | "per100" | "median_duration";

/** Themes group the dashboard; each is a heading. */
export const themes = ["pivots", "meetings", "training", "consultations", "partnership", "statistics"] as const;
export type Theme = (typeof themes)[number];

/** Inclusive calendar days in Québec (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

export interface IndicatorQuery {
  partnershipId: string;
  period: DayRange;
  /** null: one figure for the whole Table. */
  by: Disaggregation | null;
  /** Québec's day when computed (periods that reach into the future stop here). */
  today: string;
}

/**
 * One row of a breakdown. `name` for organizations and territories (data); organization types
 * and languages are labelled by the vocabulary. The whole Table is the row "all".
 */
export interface Group {
  key: string;
  name?: { fr: string; en: string };
}

export const ALL_GROUP: Group = { key: "all" };

/**
 * Raw figures. Rows are groups; `additive` says the groups partition the records (an organization
 * belongs to one type), so a total is their sum; otherwise (a pivot speaks two languages) the
 * whole-Table figure is given in `overall` and no sum is derived.
 */
export type RawFigures =
  | {
      shape: "count";
      groups: Group[];
      /** A built-in breakdown shown as columns (activity types); null: one column. */
      categories: readonly string[] | null;
      /** rows × (categories?.length ?? 1), whole numbers ≥ 0. */
      counts: number[][];
      additive: boolean;
      overall?: number[];
    }
  | {
      shape: "ratio";
      groups: Group[];
      numerators: number[];
      denominators: number[];
      additive: boolean;
      overall?: { numerator: number; denominator: number };
    }
  | {
      shape: "median";
      groups: Group[];
      /** Median per group (minutes for durations), null when nothing was observed. */
      values: (number | null)[];
      observations: number[];
      overall: { value: number | null; observations: number };
    };

/**
 * What a computation answers: tallies per organization of the Table (`null`: not attributable to
 * one, e.g. a Table meeting; it counts in the whole-Table figure only). The registry rolls them up
 * into the groups asked for (roll-up.server.ts), so every indicator breaks down the same way.
 */
export type Tallies =
  | { shape: "count"; categories: readonly string[] | null; byOrganization: Map<string | null, number[]> }
  | { shape: "ratio"; byOrganization: Map<string | null, { numerator: number; denominator: number }> }
  | { shape: "median"; observations: { organizationId: string | null; value: number }[] };

export interface IndicatorDefinition {
  /** Stable code (snake_case): the key of its FR/EN name and definition, `indicator.<code>.name` / `.definition`. */
  code: string;
  theme: Theme;
  type: IndicatorType;
  decimals: number;
  /** The module the data comes from (shown on the dashboard: "Source"). */
  module: string;
  /** Breakdowns offered; [] when the figure belongs to the Table as a whole. */
  disaggregations: readonly Disaggregation[];
  /** Message prefix of the categories' labels (`activities.type` → `activities.type.<key>`), when there are categories. */
  categoryLabels?: string;
  /** Whether a higher value is progress (most) or a lower one (a time to answer). */
  better?: "higher" | "lower";
  /** For "per100": the factor is 100 (numerator / denominator × 100); for "percent" the same, shown with %. */
  compute(db: import("../db/client.server.ts").Database, query: IndicatorQuery): Promise<Tallies>;
}

/** What a breakdown needs to know of the Table's organizations. */
export interface OrganizationFacts {
  id: string;
  type: string;
  nameFr: string;
  nameEn: string;
  territory: string;
  languages: string[];
}
