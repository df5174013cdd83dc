import { sql } from "drizzle-orm";
import type { CaseBook } from "../harness.ts";
import { defaultRetentionSchedule } from "../../../app/modules/privacy/retention-vocabulary.ts";

/** The retention schedule (issue 15 §2), saved by the Table's privacy officer (the demo has saved it once). */
export const retentionCases: CaseBook = {
  "routes/privacy/retention.tsx": [
    {
      name: "save the retention schedule",
      kind: "edit",
      as: "vie-privee@filet.test",
      url: () => "/privacy/retention",
      body: async (demo, variant) => {
        const version = await demo.one<number>(sql`select version from retention_schedule where partnership_id = ${demo.tableId}`);
        const body: Record<string, string> = { version: String(version) };
        for (const [kind, rule] of Object.entries(defaultRetentionSchedule())) {
          body[`${kind}_months`] = String(rule.months);
          body[`${kind}_disposition`] = rule.disposition;
        }
        body.consultations_months = String(6 + (variant % 6));
        return body;
      },
    },
  ],
  "routes/privacy/incidents.from.$sourceType.$sourceId.tsx": [
    {
      name: "open an incident from a network post, redacting nothing",
      kind: "create",
      as: "vie-privee@filet.test",
      url: async (demo) => `/privacy/incidents/from/forum_post/${await demo.one(sql`select id from forum_post where partnership_id = ${demo.tableId} order by created_at limit 1`)}`,
      body: (_demo, variant) => ({
        register: "table",
        title: `Détail identificatoire signalé dans un message (${variant})`,
        personalInformation: "Prénom d'une personne mineure (non reproduit).",
        circumstances: "Signalé par une personne pivot.",
        occurredOn: "2026-11-02",
        knownOn: "2026-11-03",
      }),
    },
  ],
};
