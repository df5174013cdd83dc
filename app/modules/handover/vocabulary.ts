// Plain data, free of the ORM, so that route components may import it.

export const handoverStatuses = ["open", "transferred", "cancelled"] as const;
export type HandoverStatus = (typeof handoverStatuses)[number];

export const handoverItemKinds = ["document", "responsibility", "grant", "meeting", "commitment", "plan"] as const;
export type HandoverItemKind = (typeof handoverItemKinds)[number];

/** One line of the checklist: what to pass on, and whether the outgoing coordinator checked it. */
export interface HandoverItem {
  key: string;
  kind: HandoverItemKind;
  label: string;
  /** A date that matters (due date, grant end, meeting date), ISO yyyy-mm-dd. */
  date: string | null;
  /** A path in the app where the successor finds it. */
  href: string | null;
  checked: boolean;
  /** For a commitment: "due" or "late". */
  status?: "due" | "late";
}
