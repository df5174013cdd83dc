import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/** Forms of the Table's routes (partners, meetings, responsibilities, plan, funding, handover, announcements). */

const cjq = (demo: Demo) => demo.one(sql`select id from organization where partnership_id = ${demo.tableId} and acronym = 'CJQ-IU'`);

export const tableCases: CaseBook = {
  "routes/meetings.new.tsx": [
    {
      name: "create a Table meeting",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/meetings/new",
      body: (_demo, variant) => ({
        title: `Rencontre ${variant}`,
        kind: "table",
        organizationId: "",
        day: "2027-03-1" + (variant % 10),
        startTime: "09:00",
        endTime: "12:00",
        place: "Salle 2",
        onlineUrl: "",
        objectives: "",
        templateId: "",
      }),
    },
  ],
  "routes/partners.matrix.$organizationId.tsx": [
    {
      name: "edit the CJQ-IU row of the contribution matrix",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/partners/matrix/${await cjq(demo)}`,
      body: async (demo, variant) => {
        const id = await cjq(demo);
        const version = await demo.one(sql`select coalesce(sum(version), 0)::int from partner_contribution where organization_id = ${id}`);
        return { version: String(version), prevention: `Prévention, version ${variant}`, detection: "Dépistage" };
      },
    },
  ],
};
