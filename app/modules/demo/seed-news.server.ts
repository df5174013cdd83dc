import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { appendPost, foldForSearch } from "../forum/add-post.server.ts";
import { forumSpace, forumThread } from "../forum/tables.ts";
import { guideSection, guideSectionVersion } from "../guide/tables.ts";
import { newsItem } from "../news/tables.ts";
import { person } from "../people/tables.ts";

/**
 * News on practices of the demo Table (issue 14 §4): two articles by the coordination, one by the
 * PIPQ trainer (a guide editor), one announcing the first published guide section; each with its
 * comment thread in the whole network's space, one with pivots' comments. Practices only, never a youth.
 */
const DAY = 24 * 60 * 60 * 1000;
const ARTICLES = [
  {
    title: "Une fiche de liaison commune entre les milieux",
    body: "Les pivots du milieu scolaire et du CJQ-IU ont mis au point une fiche de liaison commune pour passer le relais d'une demande d'un milieu à l'autre.\n\nElle tient sur une page, ne contient aucun nom et se remplit avec la personne qui demande de l'aide. Elle est déposée dans le guide, section Savoir-faire.",
    by: "coordination@filet.test",
    daysAgo: 12,
    comments: [
      ["pivot.cjq@filet.test", "Nous l'utilisons depuis un mois : les retours des écoles sont plus rapides."],
      ["helene.bouchard@filet.test", "Merci ! Est-ce qu'une version anglaise est prévue pour les écoles anglophones ?"],
    ],
  },
  {
    title: "Atelier sur le consentement et les relations amoureuses : nouvelles dates",
    body: "L'atelier de formation sur le consentement offert aux intervenants est revu à partir des commentaires des dernières sessions : plus d'exercices en petits groupes, moins d'exposés.\n\nLes nouvelles dates paraîtront dans la section Formation.",
    by: "formateur.pipq@filet.test",
    daysAgo: 6,
    comments: [],
  },
  {
    title: "Retour sur la journée d'échange des pivots",
    body: "Merci aux pivots des cinq milieux présents à la journée d'échange. Les trois pratiques retenues : un premier contact dans les 48 heures, un seul pivot de référence par demande, un retour à la personne qui a demandé de l'aide.",
    by: "coordination@filet.test",
    daysAgo: 2,
    comments: [],
  },
] as const;

const threadOpening = (id: string) => `Fil de commentaires de la nouvelle. La lire\u00a0: /network/news/${id}`;

export async function seedNewsDemo(tx: Database, partnershipId: string): Promise<void> {
  const people = await tx.select({ id: person.id, email: person.email }).from(person).where(eq(person.partnershipId, partnershipId));
  if (!people.some((p) => p.email === "formateur.pipq@filet.test")) return;
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const [network] = await tx.select({ id: forumSpace.id }).from(forumSpace).where(and(eq(forumSpace.partnershipId, partnershipId), eq(forumSpace.kind, "network")));
  if (!network) return;
  const now = Date.now();

  async function withThread(id: string, title: string, authorPersonId: string, at: Date, comments: readonly (readonly [string, string])[]) {
    const [thread] = await tx
      .insert(forumThread)
      .values({ partnershipId, spaceId: network!.id, title, authorPersonId, searchText: foldForSearch(title), createdAt: at })
      .returning({ id: forumThread.id });
    await appendPost(tx, { partnershipId, spaceId: network!.id, threadId: thread!.id, authorPersonId, body: threadOpening(id) });
    for (const [email, body] of comments) {
      const who = idOf(email);
      if (who) await appendPost(tx, { partnershipId, spaceId: network!.id, threadId: thread!.id, authorPersonId: who, body });
    }
    await tx.update(newsItem).set({ forumThreadId: thread!.id }).where(eq(newsItem.id, id));
  }

  // The first section of the guide that is published: its version announced, as the publish step does.
  const [published] = await tx
    .select({ id: guideSectionVersion.id, sectionId: guideSectionVersion.sectionId, content: guideSectionVersion.content, changeNote: guideSectionVersion.changeNote })
    .from(guideSectionVersion)
    .innerJoin(guideSection, eq(guideSection.id, guideSectionVersion.sectionId))
    .where(and(eq(guideSectionVersion.partnershipId, partnershipId), eq(guideSectionVersion.status, "published")))
    .orderBy(asc(guideSection.moduleId), asc(guideSection.position))
    .limit(1);
  const editor = idOf("formateur.pipq@filet.test")!;
  if (published) {
    const at = new Date(now - 9 * DAY);
    const [row] = await tx
      .insert(newsItem)
      .values({
        partnershipId,
        kind: "guide_update",
        title: published.content.titleFr,
        body: published.changeNote || "Exemples mis à jour et liens vers les ressources régionales.",
        authorPersonId: editor,
        publishedAt: at,
        guideSectionId: published.sectionId,
        guideVersionId: published.id,
      })
      .returning({ id: newsItem.id });
    await withThread(row!.id, `Section révisée\u00a0: ${published.content.titleFr}`, editor, at, [["sophie.tremblay@filet.test", "Très utile pour préparer la rencontre avec la direction de l'école."]]);
  }
  for (const a of ARTICLES) {
    const author = idOf(a.by);
    if (!author) continue;
    const at = new Date(now - a.daysAgo * DAY);
    const title = a.title.replace(/ :/g, "\u00a0:");
    const [row] = await tx.insert(newsItem).values({ partnershipId, kind: "article", title, body: a.body, authorPersonId: author, publishedAt: at }).returning({ id: newsItem.id });
    await withThread(row!.id, title, author, at, a.comments);
  }
}
