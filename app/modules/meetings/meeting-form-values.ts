/** The values of the meeting form (new and edit), as the route reads them back. Plain types. */

export interface AgendaRowValue {
  id: string;
  title: string;
  presenter: string;
  duration: string;
  notes: string;
}

export interface MeetingFormValues {
  title: string;
  kind: string;
  organizationId: string;
  day: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  objectives: string;
  items: AgendaRowValue[];
  invitees: string[];
  templateId: string;
}
