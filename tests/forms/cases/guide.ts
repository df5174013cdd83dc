import { sql } from "drizzle-orm";
import { rowsOf } from "../../../app/modules/db/rows.ts";
import { systemActor } from "../../../app/modules/audit/record-audit-event.server.ts";
import { guideModuleVersion } from "../../../app/modules/guide/organize-guide.server.ts";
import { changeGuideVersionStatus, createGuideSection, saveGuideDraft } from "../../../app/modules/guide/write-guide.server.ts";
import type { CaseBook, Demo } from "../harness.ts";

/** Forms of the guide routes: a valid submission each (see ../harness.ts). */

const EDITOR = "coordination@filet.test" as const;

const knowledgeModule = (demo: Demo) => demo.one(sql`select id from guide_module where partnership_id = ${demo.tableId} and kind = 'knowledge'`);

const content = (titleFr: string) => ({ titleFr, titleEn: "", bodyFr: `${titleFr} : texte.`, bodyEn: "", exercises: [] });

/**
 * The demo guide has only published versions (one per section). The version forms need a
 * draft, a version in review or an older version: each case gets its own section, made once
 * through the domain functions (audited like any write) the first time its URL is asked for.
 */
async function fixtureSection(demo: Demo, name: string, shape: "draft" | "in_review" | "two_versions"): Promise<{ sectionId: string; firstVersionId: string }> {
  const titleFr = `Section de formulaire : ${name}`;
  const rows = rowsOf<{ sectionId: string; firstVersionId: string }>(await demo.db.execute(sql`
    select s.id as "sectionId", v.id as "firstVersionId" from guide_section s
    join guide_section_version v on v.section_id = s.id and v.number = 1
    where s.partnership_id = ${demo.tableId} and v.content->>'titleFr' = ${titleFr}`));
  if (rows[0]) return rows[0];
  const actor = systemActor("forms-cases", demo.tableId);
  const personId = await demo.one<string>(sql`select id from person where email = ${EDITOR}`);
  const made = await createGuideSection(demo.db, actor, {
    partnershipId: demo.tableId,
    personId,
    moduleId: await knowledgeModule(demo),
    content: content(titleFr),
    translationStatus: "to_translate",
  });
  if (made.kind !== "ok") throw new Error(`fixture section ${name}: ${made.kind}`);
  const firstVersionId = await demo.one<string>(sql`select id from guide_section_version where section_id = ${made.value} and number = 1`);
  if (shape === "in_review") await changeGuideVersionStatus(demo.db, actor, { partnershipId: demo.tableId, personId, versionId: firstVersionId, to: "in_review" });
  if (shape === "two_versions") {
    await saveGuideDraft(demo.db, actor, {
      partnershipId: demo.tableId,
      personId,
      sectionId: made.value,
      baseNumber: 1,
      content: { ...content(titleFr), bodyFr: "Deuxième version." },
      translationStatus: "to_translate",
      changeNote: "",
    });
  }
  return { sectionId: made.value, firstVersionId };
}

const latestNumber = (demo: Demo, sectionId: string) => demo.one<number>(sql`select max(number)::int from guide_section_version where section_id = ${sectionId}`);
const latestVersionId = (demo: Demo, sectionId: string) =>
  demo.one<string>(sql`select id from guide_section_version where section_id = ${sectionId} order by number desc limit 1`);

export const guideCases: CaseBook = {
  "routes/guide/_index.tsx": [
    {
      name: "move a guide section down",
      kind: "action",
      as: EDITOR,
      url: () => "/guide",
      body: async (demo) => ({
        intent: "move",
        sectionId: await demo.one(sql`select id from guide_section where module_id = ${await knowledgeModule(demo)} and archived_at is null order by position, created_at limit 1`),
        direction: "down",
      }),
    },
    {
      name: "start the guide (its three modules; kept when they exist)",
      kind: "action",
      as: EDITOR,
      url: () => "/guide",
      body: () => ({ intent: "init" }),
    },
  ],
  "routes/guide/sections.new.tsx": [
    {
      name: "create a guide section",
      kind: "create",
      as: EDITOR,
      url: async (demo) => `/guide/sections/new?module=${await knowledgeModule(demo)}`,
      body: (_demo, variant) => ({
        titleFr: `Nouvelle section ${variant}`,
        titleEn: "",
        bodyFr: "Le texte de la section.",
        bodyEn: "",
        translationStatus: "to_translate",
        changeNote: "",
      }),
    },
  ],
  "routes/guide/sections.$sectionId.edit.tsx": [
    {
      name: "save a new draft of a guide section",
      kind: "edit",
      as: EDITOR,
      url: async (demo) => `/guide/sections/${(await fixtureSection(demo, "modifier", "draft")).sectionId}/edit`,
      body: async (demo, variant) => {
        const { sectionId } = await fixtureSection(demo, "modifier", "draft");
        return {
          baseNumber: String(await latestNumber(demo, sectionId)),
          titleFr: "Section de formulaire : modifier",
          titleEn: "",
          bodyFr: `Texte révisé, version ${variant}.`,
          bodyEn: "",
          translationStatus: "to_translate",
          changeNote: `Révision ${variant}`,
        };
      },
    },
  ],
  "routes/guide/sections.$sectionId.archive.tsx": [
    {
      name: "withdraw a guide section",
      kind: "action",
      as: EDITOR,
      url: async (demo) => `/guide/sections/${(await fixtureSection(demo, "retirer", "draft")).sectionId}/archive`,
      body: () => ({ intent: "archive" }),
    },
  ],
  "routes/guide/modules.$moduleId.edit.tsx": [
    {
      name: "rename a guide module",
      kind: "edit",
      as: EDITOR,
      url: async (demo) => `/guide/modules/${await knowledgeModule(demo)}/edit`,
      body: async (demo, variant) => {
        const id = await knowledgeModule(demo);
        const [current] = rowsOf<{ titleFr: string; titleEn: string; summaryFr: string; summaryEn: string }>(
          await demo.db.execute(sql`select title_fr as "titleFr", title_en as "titleEn", summary_fr as "summaryFr", summary_en as "summaryEn" from guide_module where id = ${id}`),
        );
        if (!current) throw new Error("no knowledge module");
        return {
          version: String(guideModuleVersion(current)),
          titleFr: `Savoir (${variant})`,
          titleEn: `Knowledge (${variant})`,
          summaryFr: current.summaryFr,
          summaryEn: current.summaryEn,
        };
      },
    },
  ],
  "routes/guide/versions.$versionId.tsx": [
    {
      name: "comment on a guide version in review",
      kind: "create",
      as: EDITOR,
      url: async (demo) => `/guide/versions/${(await fixtureSection(demo, "commenter", "in_review")).firstVersionId}`,
      body: (_demo, variant) => ({ intent: "comment", body: `Un commentaire de relecture (${variant}).` }),
    },
    {
      name: "restore an older guide version as a new draft",
      kind: "edit",
      as: EDITOR,
      url: async (demo) => `/guide/versions/${(await fixtureSection(demo, "restaurer", "two_versions")).firstVersionId}`,
      body: async (demo, variant) => {
        const { sectionId } = await fixtureSection(demo, "restaurer", "two_versions");
        return { intent: "restore", baseNumber: String(await latestNumber(demo, sectionId)), changeNote: `Retour à la version 1 (${variant})` };
      },
    },
    {
      name: "put a guide draft in review",
      kind: "action",
      as: EDITOR,
      url: async (demo) => `/guide/versions/${await latestVersionId(demo, (await fixtureSection(demo, "relire", "draft")).sectionId)}`,
      body: () => ({ intent: "review" }),
    },
    {
      name: "send a guide version in review back to draft",
      kind: "action",
      as: EDITOR,
      url: async (demo) => `/guide/versions/${await latestVersionId(demo, (await fixtureSection(demo, "brouillon", "in_review")).sectionId)}`,
      body: () => ({ intent: "draft" }),
    },
    {
      name: "publish a guide draft",
      kind: "action",
      as: EDITOR,
      url: async (demo) => `/guide/versions/${await latestVersionId(demo, (await fixtureSection(demo, "publier", "draft")).sectionId)}`,
      body: () => ({ intent: "publish" }),
    },
  ],
};
