import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlanAction } from "../action-plan/tables.ts";
import { guideSection, guideSectionVersion } from "../guide/tables.ts";
import { person } from "../people/tables.ts";
import { appendPost, foldForSearch } from "../forum/add-post.server.ts";
import { ensureStandardSpaces } from "../forum/ensure-spaces.server.ts";
import { forumSpace, forumThread } from "../forum/tables.ts";
import type { SubjectType } from "../forum/vocabulary.ts";

/**
 * Threads inside Filet objects (issue 14 §1) in the demo Table: one on a guide section (the whole
 * network's space) and one on an action-plan action (the Table's own space), each with a couple
 * of replies. Practices and logistics only, never a youth.
 */
type SubjectSeed = { type: SubjectType; space: "network" | "table"; find: (tx: Database, partnershipId: string) => Promise<{ id: string; title: string } | undefined>; posts: { by: string; body: string }[] };

const seeds: SubjectSeed[] = [
  {
    type: "guide_section",
    space: "network",
    find: async (tx, partnershipId) =>
      (
        await tx
          .select({ id: guideSection.id, title: sql<string>`${guideSectionVersion.content}->>'titleFr'` })
          .from(guideSection)
          .innerJoin(guideSectionVersion, and(eq(guideSectionVersion.sectionId, guideSection.id), eq(guideSectionVersion.status, "published")))
          .where(and(eq(guideSection.partnershipId, partnershipId), sql`${guideSectionVersion.content}->>'titleFr' = 'Reconnaître l''exploitation sexuelle'`))
          .limit(1)
      )[0],
    posts: [
      { by: "catherine.roy@filet.test", body: "Discussion à propos de la section « Reconnaître l'exploitation sexuelle ». Comment la présentez-vous à une nouvelle équipe ?" },
      { by: "stephanie.lavoie@filet.test", body: "Dans les écoles, nous commençons par l'exercice « Mythes et réalités » : il ouvre la discussion sans viser personne." },
      { by: "coordination@filet.test", body: "Merci. Je note l'idée d'un court guide d'animation pour la prochaine version de la section." },
    ],
  },
  {
    type: "action_plan_action",
    space: "table",
    find: async (tx, partnershipId) =>
      (
        await tx
          .select({ id: actionPlanAction.id, title: actionPlanAction.title })
          .from(actionPlanAction)
          .where(and(eq(actionPlanAction.partnershipId, partnershipId), eq(actionPlanAction.title, "Réunir les formateurs deux fois par année")))
          .limit(1)
      )[0],
    posts: [
      { by: "coordination@filet.test", body: "Discussion à propos de l'action « Réunir les formateurs deux fois par année ». La rencontre d'automne reste à fixer : avez-vous des contraintes de calendrier ?" },
      { by: "delegue.cjq@filet.test", body: "Le CJQ-IU peut accueillir la rencontre en novembre, sauf la semaine du 11." },
      { by: "catherine.roy@filet.test", body: "Les formateurs du CJQ-IU préfèrent une fin d'après-midi." },
    ],
  },
];

export async function seedSubjectThreadsDemo(tx: Database, partnershipId: string): Promise<void> {
  await ensureStandardSpaces(tx, partnershipId, ["network", "table"]);
  const spaces = await tx.select({ id: forumSpace.id, kind: forumSpace.kind }).from(forumSpace).where(eq(forumSpace.partnershipId, partnershipId));
  const people = await tx.select({ id: person.id, email: person.email }).from(person).where(eq(person.partnershipId, partnershipId));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  for (const seed of seeds) {
    const subject = await seed.find(tx, partnershipId);
    const spaceId = spaces.find((s) => s.kind === seed.space)?.id;
    const authors = seed.posts.map((p) => idOf(p.by));
    // Another demo Table may not hold this object or these people: it simply gets no thread.
    if (!subject || !spaceId || authors.some((a) => !a)) continue;
    const [row] = await tx
      .insert(forumThread)
      .values({ partnershipId, spaceId, title: subject.title, authorPersonId: authors[0]!, searchText: foldForSearch(subject.title), subjectType: seed.type, subjectId: subject.id })
      .returning({ id: forumThread.id });
    for (const [i, p] of seed.posts.entries()) await appendPost(tx, { partnershipId, spaceId, threadId: row!.id, authorPersonId: authors[i]!, body: p.body });
  }
}
