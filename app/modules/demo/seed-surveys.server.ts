import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { hashToken } from "../identity/session.server.ts";
import { person } from "../people/tables.ts";
import type { AnswerMap } from "../questionnaires/questions.ts";
import { parseDefinition } from "../surveys/definition-text.ts";
import { invitationEmail, resolveAudience } from "../surveys/open-survey.server.ts";
import { survey, surveyInvitation, surveyResponse, surveyVersion } from "../surveys/tables.ts";
import { addDays, quebecDay } from "../time/days.ts";

/**
 * The demo's surveys (issue 13 §1). The Table began with a web survey of its partners (2006);
 * the demo re-runs it as "Sondage auprès des partenaires 2026": anonymous, asking for the
 * organization type, sent to every member, closed, answered by most of them — enough for most
 * questions to show their results, while the cross-tab by type shows suppressed cells. A second,
 * short survey is open, with one invitation still pending (Stéphanie Lavoie's, whose email
 * carries the link: tests/e2e/surveys.test.ts answers it). Practices only, never a youth.
 */
export const PARTNER_SURVEY_2026 = {
  titleFr: "Sondage auprès des partenaires 2026",
  titleEn: "Partner survey 2026",
  openedOn: "2026-09-14",
  closesOn: "2026-10-09",
  definition: `# Votre milieu | Your milieu
? pivot | single | required | Connaissez-vous la personne pivot en exploitation sexuelle des jeunes de votre milieu ? | Do you know the pivot person for youth sexual exploitation in your milieu?
- yes | Oui, je sais qui la joindre | Yes, I know how to reach them
- heard | J'en ai entendu parler | I have heard of them
- no | Non | No
? comfort | scale | required | À quel point êtes-vous à l'aise d'intervenir quand un doute d'exploitation sexuelle se présente ? (1 = pas du tout, 5 = tout à fait) | How comfortable are you intervening when a concern of sexual exploitation comes up? (1 = not at all, 5 = completely)
range 1-5
# Signalement | Reporting
? dpj | single | required | Savez-vous quand et comment faire un signalement à la DPJ ? | Do you know when and how to make a report to the DPJ?
- yes | Oui | Yes
- partly | En partie | Partly
- no | Non | No
? dpj-help | multiple | optional | Qu'est-ce qui vous aiderait à signaler ? | What would help you report?
- guide | Le guide de pratique | The practice guide
- pivot | Un appel à la personne pivot | A call to the pivot person
- training | Une formation | A training session
if dpj = partly, no
# Formation et Table | Training and the Table
? training | multiple | optional | Quels sont vos besoins de formation ? | What are your training needs?
- signs | Reconnaître les signes | Recognizing the signs
- law | Le cadre légal et le signalement | The legal framework and reporting
- intervention | Intervenir auprès d'un ou d'une jeune | Intervening with a youth
- online | L'exploitation en ligne | Online exploitation
? satisfaction | single | required | Je suis satisfait ou satisfaite du travail de la Table. | I am satisfied with the work of the Table.
- strongly-agree | Tout à fait d'accord | Strongly agree
- agree | D'accord | Agree
- neutral | Ni en accord ni en désaccord | Neither agree nor disagree
- disagree | En désaccord | Disagree
- strongly-disagree | Tout à fait en désaccord | Strongly disagree
indicator partner_survey_satisfaction = strongly-agree, agree
? suggestions | long | optional | Vos suggestions pour la Table (n'écrivez rien qui identifie un ou une jeune) | Your suggestions for the Table (write nothing that identifies a youth)
`,
} as const;

export const TRAINING_NEEDS_SURVEY = {
  titleFr: "Sondage éclair : besoins de formation 2027",
  titleEn: "Quick survey: training needs 2027",
  definition: `# Votre pratique | Your practice
? met | single | required | Avez-vous accompagné une situation d'exploitation sexuelle cette année ? | Have you accompanied a situation of sexual exploitation this year?
- yes | Oui | Yes
- no | Non | No
# Vos besoins | Your needs
? called | single | optional | Avez-vous joint la personne pivot pour cette situation ? | Did you reach the pivot person for that situation?
- yes | Oui | Yes
- no | Non | No
if met = yes
? topics | multiple | optional | Quels thèmes voudriez-vous en formation ? | Which topics would you like in training?
- signs | Reconnaître les signes | Recognizing the signs
- online | L'exploitation en ligne | Online exploitation
- families | Travailler avec les familles | Working with families
? comment | long | optional | Un commentaire sur vos besoins (n'écrivez rien qui identifie un ou une jeune) | A comment on your needs (write nothing that identifies a youth)
`,
  /** The one person invited: a delegate without an account (the link needs no sign-in). */
  invitee: "stephanie.lavoie@filet.test",
} as const;

/**
 * The answers of the 2026 partner survey: for 20 respondents, how many gave each answer, spread
 * over the respondents by a fixed stride (7, coprime with 20) so that the seed is the same every time.
 */
function spread<T>(counts: [T, number][], shift: number): T[] {
  const list = counts.flatMap(([v, n]) => Array.from({ length: n }, () => v));
  return list.map((_, i) => list[(i * 7 + shift) % list.length]!);
}
const PIVOT = spread([["yes", 10], ["heard", 5], ["no", 5]], 0);
const COMFORT = spread([[2, 2], [3, 6], [4, 7], [5, 5]], 3);
const DPJ = spread([["yes", 10], ["partly", 6], ["no", 4]], 5);
const HELP = [["pivot"], ["guide", "training"], ["pivot", "training"], ["training"], ["guide"], ["pivot"], ["guide", "pivot"], ["training"]];
const TRAINING = [["signs", "online"], ["law"], ["online"], ["signs", "intervention"], ["intervention", "online"], [], ["law", "online"], ["signs"]];
const SATISFACTION = spread([["strongly-agree", 6], ["agree", 7], ["neutral", 4], ["disagree", 3]], 11);
const SUGGESTIONS: Record<number, string> = {
  2: "Refaire une tournée des milieux scolaires pour présenter les pivots.",
  6: "Un aide-mémoire d'une page sur le signalement, à afficher dans les bureaux.",
  11: "Plus de rencontres à distance pour les milieux éloignés.",
  17: "Inviter les organismes communautaires aux formations de base.",
};
/** Respondents who did not answer before the close (their links stay unused). */
const NOT_ANSWERED = 1;

function sectionsOf(definition: string) {
  const parsed = parseDefinition(definition);
  if (!parsed.ok) throw new Error(`demo survey definition, line ${parsed.line}: ${parsed.problem}`);
  return parsed.sections;
}

export async function seedSurveysDemo(tx: Database, partnershipId: string, options: { publicUrl: string; now: Date }): Promise<void> {
  const people = await tx.select({ id: person.id, email: person.email }).from(person).where(eq(person.partnershipId, partnershipId));
  if (!people.some((p) => p.email === TRAINING_NEEDS_SURVEY.invitee)) return;
  const today = quebecDay(options.now);

  // The 2026 partner survey: closed, anonymous, the organization type asked for the cross-tabs.
  const [closed] = await tx
    .insert(survey)
    .values({
      partnershipId,
      titleFr: PARTNER_SURVEY_2026.titleFr,
      titleEn: PARTNER_SURVEY_2026.titleEn,
      anonymous: true,
      asksOrganizationType: true,
      audience: "members",
      status: "closed",
      closesOn: PARTNER_SURVEY_2026.closesOn,
      openedOn: PARTNER_SURVEY_2026.openedOn,
      closedOn: PARTNER_SURVEY_2026.closesOn,
    })
    .returning();
  const [closedVersion] = await tx
    .insert(surveyVersion)
    .values({ partnershipId, surveyId: closed!.id, number: 1, sections: sectionsOf(PARTNER_SURVEY_2026.definition), published: true })
    .returning({ id: surveyVersion.id });
  await tx.update(survey).set({ publishedVersionId: closedVersion!.id, version: 2 }).where(eq(survey.id, closed!.id));
  // Sorted by email so that the same people answer at every seeding.
  const audience = (await resolveAudience(tx, closed!)).sort((a, b) => a.email.localeCompare(b.email));
  const types = new Map(
    (await tx.select({ id: person.id, type: organization.type }).from(person).innerJoin(organization, eq(organization.id, person.organizationId)).where(eq(person.partnershipId, partnershipId))).map((r) => [r.id, r.type]),
  );
  const answering = audience.slice(0, Math.max(0, audience.length - NOT_ANSWERED));
  for (const r of audience)
    await tx.insert(surveyInvitation).values({ partnershipId, surveyId: closed!.id, personId: r.personId, tokenHash: hashToken(randomBytes(32).toString("base64url")), answered: answering.includes(r) });
  // The responses carry no person: inserted in an order unrelated to the invitations'.
  const order = answering.map((_, i) => i).sort((a, b) => ((a * 7) % 11) - ((b * 7) % 11) || a - b);
  for (const i of order) {
    const dpj = DPJ[i % DPJ.length]!;
    const answers: AnswerMap = { pivot: PIVOT[i % PIVOT.length]!, comfort: COMFORT[i % COMFORT.length]!, dpj, satisfaction: SATISFACTION[i % SATISFACTION.length]! };
    if (dpj !== "yes") answers["dpj-help"] = HELP[i % HELP.length]!;
    const training = TRAINING[i % TRAINING.length]!;
    if (training.length) answers.training = training;
    if (SUGGESTIONS[i]) answers.suggestions = SUGGESTIONS[i];
    await tx.insert(surveyResponse).values({
      partnershipId,
      surveyId: closed!.id,
      versionId: closedVersion!.id,
      answeredOn: addDays(PARTNER_SURVEY_2026.openedOn, i % 20),
      organizationType: types.get(answering[i]!.personId) ?? null,
      answers,
    });
  }

  // The open survey: one pending invitation whose email carries the single-use link.
  const [open] = await tx
    .insert(survey)
    .values({
      partnershipId,
      titleFr: TRAINING_NEEDS_SURVEY.titleFr,
      titleEn: TRAINING_NEEDS_SURVEY.titleEn,
      anonymous: true,
      audience: "organizations",
      audienceOrganizationIds: [],
      status: "open",
      closesOn: addDays(today, 21),
      openedOn: today,
    })
    .returning();
  const [openVersion] = await tx
    .insert(surveyVersion)
    .values({ partnershipId, surveyId: open!.id, number: 1, sections: sectionsOf(TRAINING_NEEDS_SURVEY.definition), published: true })
    .returning({ id: surveyVersion.id });
  const invitee = people.find((p) => p.email === TRAINING_NEEDS_SURVEY.invitee)!;
  const [own] = await tx.select({ organizationId: person.organizationId }).from(person).where(and(eq(person.id, invitee.id), eq(person.partnershipId, partnershipId)));
  await tx
    .update(survey)
    .set({ publishedVersionId: openVersion!.id, audienceOrganizationIds: own?.organizationId ? [own.organizationId] : [], version: 2 })
    .where(eq(survey.id, open!.id));
  const token = randomBytes(32).toString("base64url");
  await tx.insert(surveyInvitation).values({ partnershipId, surveyId: open!.id, personId: invitee.id, tokenHash: hashToken(token) });
  const mail = invitationEmail(`${options.publicUrl}/surveys/answer/${token}`, addDays(today, 21));
  await queueEmail(tx, { to: invitee.email, ...mail, partnershipId });
}
