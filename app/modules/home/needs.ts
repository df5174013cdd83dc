// Plain data, free of the ORM: the home page renders these.

/** Every kind of "what needs you" line, most urgent first (the order the home lists them in). */
export const needOrder = [
  "urgentConsultations",
  "lateReports",
  "overdueResponsibilities",
  "myOverdueResponsibilities",
  "gridsToFill",
  "newConsultations",
  "dueReports",
  "lateCommitments",
  "meetingsToPrepare",
  "sessionsToStaff",
  "availabilityToGive",
  "endingDesignations",
  "myStaleEntry",
  "staleEntries",
  "dueCommitments",
  "answeredConsultations",
  "openTrainings",
  "unreadAnnouncements",
] as const;

export type NeedKind = (typeof needOrder)[number];

export interface Need {
  kind: NeedKind;
  count: number;
  /** The page where it is done. */
  href: string;
  /** The horizon the sentence names ("within 30 days"), where it names one. */
  days?: number;
}
