import { sql } from "drizzle-orm";
import { defaultPathwayContent } from "../../../app/modules/pathway/default-content.ts";
import {
  fieldName,
  pathwayLanguages,
  pathwayTextKeys,
} from "../../../app/modules/pathway/steps.ts";
import type { CaseBook, Demo, Fields } from "../harness.ts";

/**
 * Forms of the network routes (directory, pathway, consultations, pivot activities): a valid
 * submission each (see ../harness.ts).
 */

const orgOf = (demo: Demo, acronym: string) =>
  demo.one(
    sql`select id from organization where partnership_id = ${demo.tableId} and acronym = ${acronym}`,
  );
const personOf = (demo: Demo, email: string) =>
  demo.one(
    sql`select id from person where partnership_id = ${demo.tableId} and email = ${email}`,
  );

/** The person's first designation in the demo Table (the one the demo seeded). */
const designationOf = (demo: Demo, email: string) =>
  demo.one(sql`select d.id from pivot_designation d join person p on p.id = d.person_id
    where d.partnership_id = ${demo.tableId} and p.email = ${email} order by d.created_at, d.id limit 1`);
const designationVersion = async (demo: Demo, id: string) =>
  String(
    await demo.one<number>(
      sql`select version from pivot_designation where id = ${id}`,
    ),
  );

const consultationAbout = (demo: Demo, subject: string) =>
  demo.one(
    sql`select id from consultation where partnership_id = ${demo.tableId} and subject = ${subject}`,
  );
const consultationVersion = async (demo: Demo, id: string) =>
  String(
    await demo.one<number>(
      sql`select version from consultation where id = ${id}`,
    ),
  );
const PHOTOS = "Demandes de photos intimes à un élève de 13 ans";
const TRANSPORT = "Adulte qui offre des transports vers des fêtes";

/** The oldest activity a demo pivot logged. */
const activityOf = (demo: Demo, email: string) =>
  demo.one(sql`select a.id from pivot_activity a join person p on p.id = a.person_id
    where a.partnership_id = ${demo.tableId} and p.email = ${email} order by a.occurred_on, a.id limit 1`);
const activityVersion = async (demo: Demo, id: string) =>
  String(
    await demo.one<number>(
      sql`select version from pivot_activity where id = ${id}`,
    ),
  );

const latestPathwayNumber = async (demo: Demo) =>
  String(
    await demo.one<number>(
      sql`select coalesce(max(number), 0)::int from pathway_version where partnership_id = ${demo.tableId}`,
    ),
  );
const latestPathwayVersion = (demo: Demo) =>
  demo.one(
    sql`select id from pathway_version where partnership_id = ${demo.tableId} order by number desc limit 1`,
  );

export const networkCases: CaseBook = {
  "routes/directory/mine.tsx": [
    {
      name: "confirm my directory entry is still accurate",
      kind: "edit",
      as: "pivot.cjq@filet.test",
      url: () => "/directory/mine",
      body: async (demo) => {
        const id = await designationOf(demo, "pivot.cjq@filet.test");
        return {
          designationId: id,
          version: await designationVersion(demo, id),
        };
      },
    },
    {
      name: "ask for a correction of my directory entry",
      kind: "create",
      as: "pivot.cjq@filet.test",
      url: () => "/directory/mine",
      body: async (demo, variant) => ({
        intent: "correct",
        designationId: await designationOf(demo, "pivot.cjq@filet.test"),
        message: `Mon numéro de poste a changé (demande ${variant}).`,
      }),
    },
  ],
  "routes/directory/stale.tsx": [
    {
      name: "confirm an entry of my organization on its owner's behalf",
      kind: "edit",
      as: "coord-pivots.spvq@filet.test",
      url: () => "/directory/stale",
      body: async (demo) => {
        const id = await designationOf(demo, "coord-pivots.spvq@filet.test");
        return {
          designationId: id,
          version: await designationVersion(demo, id),
        };
      },
    },
    {
      name: "mark a pivot's correction request done (the demo's open one, from the SPVQ)",
      kind: "edit",
      as: "coord-pivots.spvq@filet.test",
      url: () => "/directory/stale",
      body: async (demo, variant) => {
        const id =
          await demo.one(sql`select c.id from designation_correction c join person p on p.id = c.requested_by
          where c.partnership_id = ${demo.tableId} and p.email = 'isabelle.roy@filet.test' order by c.requested_at limit 1`);
        const version = String(
          await demo.one<number>(
            sql`select version from designation_correction where id = ${id}`,
          ),
        );
        return {
          intent: "handle",
          correctionId: id,
          version,
          status: "done",
          handlerNote: `Fiche corrigée (${variant}).`,
        };
      },
    },
  ],
  "routes/directory/designations.new.tsx": [
    {
      name: "designate a pivot (a backup designation of the SPVQ's pivot)",
      kind: "create",
      as: "coord-pivots.spvq@filet.test",
      url: () => "/directory/designations/new",
      body: async (demo, variant) => ({
        organizationId: await orgOf(demo, "SPVQ"),
        personId: await personOf(demo, "coord-pivots.spvq@filet.test"),
        siteId: "",
        rank: "backup",
        since: `2025-01-${String(10 + (variant % 18)).padStart(2, "0")}`,
        until: "",
        languages: ["fr"],
        clienteles: ["12-17"],
        expertise: "Enquête",
        availability: `Remplacements, version ${variant}`,
        contactPhone: "",
        contactEmail: "",
        contactNotes: "",
      }),
    },
  ],
  "routes/directory/designations.$designationId.tsx": [
    {
      name: "edit a designation's details",
      kind: "edit",
      as: "coord-pivots.spvq@filet.test",
      url: async (demo) =>
        `/directory/designations/${await designationOf(demo, "coord-pivots.spvq@filet.test")}`,
      body: async (demo, variant): Promise<Fields> => {
        const id = await designationOf(demo, "coord-pivots.spvq@filet.test");
        return {
          intent: "save",
          version: await designationVersion(demo, id),
          siteId: await demo.one<string>(
            sql`select coalesce(site_id::text, '') from pivot_designation where id = ${id}`,
          ),
          rank: "primary",
          since: await demo.one<string>(
            sql`select since::text from pivot_designation where id = ${id}`,
          ),
          until: "",
          languages: ["fr"],
          clienteles: ["12-17", "18-21"],
          expertise: "Enquête, Proxénétisme",
          availability: `Lundi au vendredi, version ${variant}`,
          contactPhone: "",
          contactEmail: "",
          contactNotes: "",
        };
      },
    },
    {
      name: "confirm a designation from its page",
      kind: "edit",
      as: "coord-pivots.spvq@filet.test",
      url: async (demo) =>
        `/directory/designations/${await designationOf(demo, "coord-pivots.spvq@filet.test")}`,
      body: async (demo) => {
        const id = await designationOf(demo, "coord-pivots.spvq@filet.test");
        return {
          intent: "confirm",
          version: await designationVersion(demo, id),
        };
      },
    },
    {
      name: "end a designation",
      kind: "edit",
      // Someone who is not a demo persona: ending it revokes their pivot role.
      as: "coordination@filet.test",
      url: async (demo) =>
        `/directory/designations/${await designationOf(demo, "olivier.bergeron@filet.test")}`,
      body: async (demo, variant) => {
        const id = await designationOf(demo, "olivier.bergeron@filet.test");
        return {
          intent: "end",
          version: await designationVersion(demo, id),
          lastDay: "2026-06-30",
          endReason: `Changement de poste (${variant})`,
        };
      },
    },
  ],
  "routes/pathway/edit.tsx": [
    {
      name: "save the pathway texts as a new draft",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/pathway/edit",
      body: async (demo, variant) => {
        const fields: Fields = {
          intent: "save",
          baseNumber: await latestPathwayNumber(demo),
          changeNote: `Révision ${variant}`,
        };
        for (const language of pathwayLanguages)
          for (const key of pathwayTextKeys)
            fields[fieldName(language, key)] =
              defaultPathwayContent[language][key] ?? "";
        fields[fieldName("fr", "intro")] =
          `${fields[fieldName("fr", "intro")]} (révision ${variant})`;
        return fields;
      },
    },
    {
      name: "change the DPJ number shown on the pathway",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/pathway/edit",
      body: async (demo, variant) => ({
        intent: "dpj",
        dpjPhone: `418 555-01${String(10 + (variant % 90))}`,
        version: String(
          await demo.one<number>(
            sql`select version from partnership where id = ${demo.tableId}`,
          ),
        ),
      }),
    },
  ],
  "routes/pathway/versions.$versionId.tsx": [
    {
      name: "publish the latest pathway version",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) =>
        `/pathway/versions/${await latestPathwayVersion(demo)}`,
      body: () => ({ intent: "publish" }),
    },
    {
      name: "mark the latest pathway version as validated by the Table",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) =>
        `/pathway/versions/${await latestPathwayVersion(demo)}`,
      body: () => ({ intent: "validate" }),
    },
    {
      name: "restore the first pathway version into a new draft",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) =>
        `/pathway/versions/${await demo.one(sql`select id from pathway_version where partnership_id = ${demo.tableId} order by number limit 1`)}`,
      body: async (demo, variant) => ({
        intent: "restore",
        baseNumber: await latestPathwayNumber(demo),
        changeNote: `Retour au texte d'origine (${variant})`,
      }),
    },
  ],
  "routes/consultations/new.tsx": [
    {
      name: "ask the CJQ-IU pivot for advice",
      kind: "create",
      as: "intervenant.ecole@filet.test",
      url: async (demo) =>
        `/consultations/new?pivot=${await personOf(demo, "pivot.cjq@filet.test")}`,
      body: async (demo, variant) => ({
        pivot: await personOf(demo, "pivot.cjq@filet.test"),
        subject: `Cadeaux d'un adulte à une élève, question ${variant}`,
        context:
          "Une élève de 15 ans reçoit des cadeaux coûteux d'un homme plus âgé rencontré en ligne.",
        question:
          "Est-ce que cela justifie un signalement à la DPJ, et comment en parler avec elle?",
        urgency: "normal",
      }),
    },
  ],
  "routes/consultations/$consultationId.tsx": [
    {
      name: "reply in a consultation thread",
      kind: "create",
      as: "intervenant.ecole@filet.test",
      url: async (demo) =>
        `/consultations/${await consultationAbout(demo, PHOTOS)}`,
      body: (_demo, variant) => ({
        intent: "reply",
        body: `Précision ${variant} : l'élève a gardé les messages.`,
      }),
    },
    {
      name: "take charge of a new consultation",
      kind: "action",
      as: "pivot.cjq@filet.test",
      url: async (demo) =>
        `/consultations/${await consultationAbout(demo, PHOTOS)}`,
      body: async (demo) => ({
        intent: "take",
        version: await consultationVersion(
          demo,
          await consultationAbout(demo, PHOTOS),
        ),
      }),
    },
    {
      name: "close a consultation",
      kind: "action",
      as: "intervenant.ecole@filet.test",
      url: async (demo) =>
        `/consultations/${await consultationAbout(demo, TRANSPORT)}`,
      body: async (demo) => ({
        intent: "close",
        version: await consultationVersion(
          demo,
          await consultationAbout(demo, TRANSPORT),
        ),
      }),
    },
  ],
  "routes/activities/new.tsx": [
    {
      name: "log a pivot activity",
      kind: "create",
      as: "pivot.cjq@filet.test",
      url: () => "/activities/new",
      body: async (demo, variant) => ({
        intent: "save",
        organizationId: await orgOf(demo, "CJQ-IU"),
        type: "meeting_attended",
        occurredOn: `2026-01-${String(10 + (variant % 18)).padStart(2, "0")}`,
        durationMinutes: "60",
        audience: "",
        audienceSize: "",
        notes: `Rencontre régionale des pivots, suivi ${variant}.`,
      }),
    },
  ],
  "routes/activities/$activityId.tsx": [
    {
      name: "edit a logged activity",
      kind: "edit",
      as: "pivot.cjq@filet.test",
      url: async (demo) =>
        `/activities/${await activityOf(demo, "pivot.cjq@filet.test")}`,
      body: async (demo, variant) => {
        const id = await activityOf(demo, "pivot.cjq@filet.test");
        return {
          intent: "save",
          version: await activityVersion(demo, id),
          type: "awareness_session",
          occurredOn: "2025-02-12",
          durationMinutes: "90",
          audience: "Équipe d'intervention jeunesse du centre jeunesse",
          audienceSize: String(18 + variant),
          notes: `Présentation des signes d'exploitation, version ${variant}.`,
        };
      },
    },
    {
      name: "delete a logged activity",
      kind: "action",
      as: "coord-pivots.spvq@filet.test",
      url: async (demo) =>
        `/activities/${await activityOf(demo, "coord-pivots.spvq@filet.test")}`,
      body: async (demo) => ({
        intent: "delete",
        version: await activityVersion(
          demo,
          await activityOf(demo, "coord-pivots.spvq@filet.test"),
        ),
      }),
    },
  ],
};
