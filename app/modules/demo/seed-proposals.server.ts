import { and, eq, like } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { person } from "../people/tables.ts";
import { appendPost, foldForSearch } from "../forum/add-post.server.ts";
import { forumProposal, forumProposalVote, forumSpace, forumThread } from "../forum/tables.ts";
import { outcomeOf, type VoteChoice } from "../forum/vocabulary.ts";
import { meeting, meetingDecision } from "../meetings/tables.ts";

/**
 * Proposals of the demo Table's network (issue 14 §6): one closed, agreed, its outcome in the
 * decisions of the "bilan d'implantation" Table meeting; one open (named votes, results shown)
 * closing in six days. Practices and logistics only, never a youth.
 */
const CLOSED = {
  title: "Proposition : tenir la rencontre régionale du printemps à Lévis",
  body: "Je propose de tenir la rencontre régionale des pivots du printemps à Lévis, pour réduire les déplacements des milieux de la Rive-Sud, avec un branchement à distance pour les autres.",
  by: "coordination@filet.test",
  votes: [
    ["pivot.cjq@filet.test", "agree", ""],
    ["helene.bouchard@filet.test", "agree", ""],
    ["sophie.tremblay@filet.test", "abstain", "Je ne connais pas encore les salles disponibles."],
    ["coord-pivots.spvq@filet.test", "agree", ""],
  ] as [string, VoteChoice, string][],
};
const OPEN = {
  title: "Proposition : un résumé hebdomadaire par défaut pour les nouveaux pivots",
  body: "Les nouveaux pivots reçoivent beaucoup de courriels à leur arrivée. Je propose que leur résumé du réseau soit hebdomadaire par défaut ; chacun pourra le changer.",
  by: "coordination@filet.test",
  votes: [["helene.bouchard@filet.test", "agree", "Bonne idée pour l'accueil."]] as [string, VoteChoice, string][],
};

export async function seedProposalsDemo(tx: Database, partnershipId: string): Promise<void> {
  const people = await tx.select({ id: person.id, email: person.email }).from(person).where(eq(person.partnershipId, partnershipId));
  if (!people.some((p) => p.email === "pivot.cjq@filet.test")) return;
  const idOf = (email: string) => people.find((p) => p.email === email)!.id;
  const [network] = await tx.select({ id: forumSpace.id }).from(forumSpace).where(and(eq(forumSpace.partnershipId, partnershipId), eq(forumSpace.kind, "network")));
  if (!network) return;
  const [table] = await tx.select({ id: meeting.id }).from(meeting).where(and(eq(meeting.partnershipId, partnershipId), like(meeting.title, "%bilan d'implantation%")));
  const day = 24 * 60 * 60 * 1000;
  for (const seed of [CLOSED, OPEN]) {
    const closed = seed === CLOSED;
    const [thread] = await tx
      .insert(forumThread)
      .values({ partnershipId, spaceId: network.id, title: seed.title, authorPersonId: idOf(seed.by), searchText: foldForSearch(seed.title) })
      .returning({ id: forumThread.id });
    await appendPost(tx, { partnershipId, spaceId: network.id, threadId: thread!.id, authorPersonId: idOf(seed.by), body: seed.body });
    const counts = { agree: 0, abstain: 0, disagree: 0, block: 0 };
    for (const [, choice] of seed.votes) counts[choice]++;
    const outcome = closed ? outcomeOf(counts) : null;
    const decisionText = `Proposition « ${seed.title.replace("Proposition : ", "")} » : adoptée (d'accord : ${counts.agree}, abstention : ${counts.abstain}, pas d'accord : 0, blocage : 0).`.replace(/ ([:»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
    const [decision] =
      closed && table ? await tx.insert(meetingDecision).values({ partnershipId, meetingId: table.id, text: decisionText, createdByPersonId: idOf(seed.by) }).returning({ id: meetingDecision.id }) : [];
    const [proposal] = await tx
      .insert(forumProposal)
      .values({
        partnershipId,
        spaceId: network.id,
        threadId: thread!.id,
        authorPersonId: idOf(seed.by),
        closesAt: new Date(Date.now() + (closed ? -20 : 6) * day),
        status: closed ? "closed" : "open",
        closedAt: closed ? new Date(Date.now() - 20 * day) : null,
        outcome,
        agreeCount: closed ? counts.agree : 0,
        abstainCount: closed ? counts.abstain : 0,
        meetingId: decision ? table!.id : null,
        meetingDecisionId: decision?.id ?? null,
      })
      .returning({ id: forumProposal.id });
    await tx.insert(forumProposalVote).values(seed.votes.map(([email, choice, reason]) => ({ partnershipId, proposalId: proposal!.id, personId: idOf(email), choice, reason })));
  }
}
