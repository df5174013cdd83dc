import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { appendPost, foldForSearch } from "../forum/add-post.server.ts";
import { ensureStandardSpaces } from "../forum/ensure-spaces.server.ts";
import { forumNotification, forumReport, forumSpace, forumSpaceMember, forumThread } from "../forum/tables.ts";

/**
 * The pivot network of the demo Table: a pinned welcome thread and a regional meeting thread in
 * the whole network, a thread in each milieu's space with replies (one quoting, several with
 * @mentions), one in the CJQ-IU pivots' space, a working group, and one reported post waiting in
 * the review queue. Fictional and de-identified: practices and logistics, never a youth.
 */
type PostSeed = { by: string; body: string; quote?: number };
type ThreadSeed = { space: string; title: string; pinned?: boolean; posts: PostSeed[]; report?: { post: number; by: string; reason: "off_topic" | "disrespectful" | "identifying" | "other"; note: string } };

const threads: ThreadSeed[] = [
  {
    space: "network",
    title: "Bienvenue dans le réseau des pivots : comment s'en servir",
    pinned: true,
    posts: [
      {
        by: "coordination@filet.test",
        body: "Bienvenue dans l'espace commun des pivots de la région.\n\nQuelques règles : jamais d'information qui permettrait de reconnaître un ou une jeune (nom, âge précis, école, adresse, pseudonyme). Pour une situation, passez par une consultation. Mentionnez une personne avec @ suivi de son prénom et de son nom sans accents (par exemple @annie.belanger), et les pivots d'une organisation avec son sigle, par exemple @SPVQ.\n\nVous recevez un résumé par courriel, par jour ou par semaine, à régler sur la page du réseau.",
      },
      { by: "pivot.cjq@filet.test", body: "Merci, c'est clair. Est-ce qu'on peut proposer des sujets pour la prochaine rencontre régionale ici ?" },
      { by: "coordination@filet.test", body: "Oui, dans le fil de la rencontre régionale, juste en dessous.", quote: 2 },
    ],
  },
  {
    space: "network",
    title: "Rencontre régionale des pivots du printemps : sujets à proposer",
    posts: [
      { by: "pivot.cjq@filet.test", body: "Je propose un tour de table sur les délais de retour après une demande de collaboration entre nos milieux." },
      { by: "helene.bouchard@filet.test", body: "Bonne idée. J'ajouterais la présentation de la nouvelle section du guide sur l'accueil." },
      { by: "coord-pivots.spvq@filet.test", body: "Pour le milieu policier, nous pouvons présenter la procédure de liaison avec les écoles. @karine.fortier, est-ce que quinze minutes suffiraient ?" },
      {
        by: "olivier.bergeron@filet.test",
        body: "Petite annonce : notre organisme vend des billets pour son spectacle-bénéfice de décembre, écrivez-moi si vous en voulez !",
      },
    ],
    report: { post: 4, by: "helene.bouchard@filet.test", reason: "off_topic", note: "Annonce sans lien avec la rencontre." },
  },
  {
    space: "milieu:youth_protection",
    title: "Délais de retour après une demande de collaboration",
    posts: [
      { by: "pivot.cjq@filet.test", body: "Comment organisez-vous le retour vers le milieu qui a fait la demande quand le dossier change de secteur ?" },
      { by: "catherine.roy@filet.test", body: "Chez nous, le pivot reste la personne-ressource jusqu'au transfert écrit. On confirme par téléphone dans les deux jours ouvrables." },
    ],
  },
  {
    space: "milieu:police",
    title: "Liaison avec les écoles lors d'une disparition signalée",
    posts: [
      { by: "coord-pivots.spvq@filet.test", body: "Nous mettons à jour la liste des personnes à joindre dans chaque centre de services scolaire. Les coordonnées viennent du bottin des pivots." },
      { by: "coordination@filet.test", body: "Merci. Je vous propose d'en faire un point à la prochaine rencontre de la Table." },
    ],
  },
  {
    space: "milieu:health_social_services",
    title: "Accompagnement vers les services de santé sexuelle",
    posts: [
      { by: "helene.bouchard@filet.test", body: "Nous avons simplifié la prise de rendez-vous à la clinique jeunesse : un seul numéro, celui qui figure déjà dans le guide." },
      { by: "marc-andre.pelletier@filet.test", body: "Même chose à Charlesbourg depuis octobre. On peut harmoniser le texte du guide.", quote: 1 },
    ],
  },
  {
    space: "milieu:school",
    title: "Ateliers de prévention en troisième secondaire : matériel partagé",
    posts: [
      { by: "sophie.tremblay@filet.test", body: "J'ai adapté les diapositives de l'atelier sur le recrutement en ligne. Qui veut les relire avant janvier ?" },
      { by: "david.nguyen@filet.test", body: "Moi, volontiers. Nous l'offrons aussi en anglais, je peux vérifier la traduction." },
      { by: "stephanie.lavoie@filet.test", body: "Je les présenterai au comité des directions. @sophie.tremblay, peux-tu m'envoyer la version finale ?" },
    ],
  },
  {
    space: "milieu:community",
    title: "Hébergement d'urgence la fin de semaine : qui joindre",
    posts: [
      { by: "olivier.bergeron@filet.test", body: "Rappel : la ligne de l'hébergement d'urgence a changé d'horaire la fin de semaine. L'information à jour est dans le bottin." },
      { by: "amelie.caron@filet.test", body: "Merci @olivier.bergeron, je l'ajoute à notre affiche pour l'équipe de soir." },
    ],
  },
  {
    space: "organization:CJQ-IU",
    title: "Relève des pivots pendant les fêtes",
    posts: [
      { by: "catherine.roy@filet.test", body: "Merci d'inscrire vos dates de vacances d'ici vendredi pour que la relève soit assurée chaque jour." },
      { by: "pivot.cjq@filet.test", body: "C'est fait pour moi : absente du 24 au 31 décembre." },
    ],
  },
  {
    space: "group",
    title: "Ordre du jour de la première rencontre",
    posts: [
      { by: "coordination@filet.test", body: "Proposition : 1) relecture de la section sur l'accueil ; 2) exemples de situations dépersonnalisées ; 3) calendrier." },
      { by: "sophie.tremblay@filet.test", body: "Ça me convient. J'apporterai les commentaires des écoles." },
    ],
  },
];

const GROUP = {
  name: "Groupe de travail — Guide de pratique, section accueil",
  description: "Relecture de la section du guide sur l'accueil d'une demande, avant sa publication.",
  by: "coordination@filet.test",
  members: ["pivot.cjq@filet.test", "helene.bouchard@filet.test", "sophie.tremblay@filet.test", "coord-pivots.spvq@filet.test"],
};

export async function seedForumDemo(tx: Database, partnershipId: string): Promise<void> {
  await ensureStandardSpaces(tx, partnershipId);
  const people = await tx.select({ id: person.id, email: person.email }).from(person).where(eq(person.partnershipId, partnershipId));
  const idOf = (email: string) => {
    const found = people.find((p) => p.email === email);
    if (!found) throw new Error(`forum demo: unknown person ${email}`);
    return found.id;
  };
  // Only the Québec Table's demo people take part (another Table gets its standard spaces only).
  if (!people.some((p) => p.email === "pivot.cjq@filet.test")) return;
  const spaces = await tx
    .select({ id: forumSpace.id, kind: forumSpace.kind, milieu: forumSpace.milieu, acronym: organization.acronym })
    .from(forumSpace)
    .leftJoin(organization, eq(organization.id, forumSpace.organizationId))
    .where(eq(forumSpace.partnershipId, partnershipId));
  const [group] = await tx
    .insert(forumSpace)
    .values({ partnershipId, kind: "group", name: GROUP.name, description: GROUP.description, posting: "members", createdByPersonId: idOf(GROUP.by) })
    .returning({ id: forumSpace.id });
  await tx.insert(forumSpaceMember).values([GROUP.by, ...GROUP.members].map((email) => ({ spaceId: group!.id, personId: idOf(email), partnershipId })));
  const spaceOf = (key: string) => {
    if (key === "group") return { id: group!.id };
    const [kind, rest] = key.split(":");
    const found = spaces.find((s) => s.kind === kind && (kind === "network" || (kind === "milieu" ? s.milieu === rest : s.acronym === rest)));
    if (!found) throw new Error(`forum demo: unknown space ${key}`);
    return found;
  };
  for (const seed of threads) {
    const spaceId = spaceOf(seed.space).id;
    const [row] = await tx
      .insert(forumThread)
      .values({ partnershipId, spaceId, title: seed.title, authorPersonId: idOf(seed.posts[0]!.by), pinnedAt: seed.pinned ? new Date() : null, searchText: foldForSearch(seed.title) })
      .returning({ id: forumThread.id });
    const posted: { id: string; body: string; by: string }[] = [];
    for (const p of seed.posts) {
      const quoted = p.quote ? posted[p.quote - 1] : undefined;
      const made = await appendPost(tx, {
        partnershipId,
        spaceId,
        threadId: row!.id,
        authorPersonId: idOf(p.by),
        body: p.body,
        quotePostId: quoted?.id ?? null,
        quoteExcerpt: quoted ? quoted.body.slice(0, 280) : null,
      });
      posted.push({ id: made.id, body: p.body, by: p.by });
    }
    if (seed.report) {
      const target = posted[seed.report.post - 1]!;
      await tx.insert(forumReport).values({ partnershipId, spaceId, postId: target.id, reporterPersonId: idOf(seed.report.by), reason: seed.report.reason, note: seed.report.note });
    }
    // The mentions of the seed as in-app notifications (the emails are not replayed).
    for (const [i, p] of seed.posts.entries()) {
      for (const m of p.body.matchAll(/@([a-z-]+\.[a-z-]+)/g)) {
        const email = `${m[1]}@filet.test`.replace("karine.fortier", "pivot.cjq");
        const target = people.find((x) => x.email === email);
        if (!target) continue;
        await tx.insert(forumNotification).values({ partnershipId, personId: target.id, kind: "mention", spaceId, threadId: row!.id, postId: posted[i]!.id, actorPersonId: idOf(p.by), immediate: true, emailedAt: new Date() });
      }
    }
  }
}
