import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { consultation, consultationMessage } from "../consultations/tables.ts";
import { person } from "../people/tables.ts";

const WORKER = "intervenant.ecole@filet.test";
const CJQ_PIVOT = "pivot.cjq@filet.test";
const SPVQ_PIVOT = "coord-pivots.spvq@filet.test";

/** A stable id per Table and key: seeding twice finds the same rows. */
function stableId(partnershipId: string, key: string): string {
  const h = createHash("sha256").update(`filet-demo-consultation:${partnershipId}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface DemoMessage {
  from: "asker" | "pivot";
  afterHours: number;
  body: string;
}

interface DemoConsultation {
  key: string;
  to: string;
  /** Addressed to every pivot of the target's organization rather than to the person. */
  toOrganization?: boolean;
  daysAgo: number;
  urgency: "low" | "normal" | "high";
  status: "new" | "taken" | "answered" | "closed";
  subject: string;
  context: string;
  question: string;
  messages: DemoMessage[];
  closedAfterHours?: number;
}

/** De-identified on purpose: an age range, a setting, what was seen; never a name, date or place. */
const demoConsultations: DemoConsultation[] = [
  {
    key: "gifts-older-man",
    to: CJQ_PIVOT,
    daysAgo: 21,
    urgency: "normal",
    status: "closed",
    subject: "Cadeaux coûteux d'un adulte rencontré en ligne",
    context:
      "Une élève de 14-15 ans arrive depuis quelques semaines avec des vêtements et un téléphone neufs. Elle parle d'un « ami » plus âgé rencontré sur une application, qui vient la chercher après l'école. Ses absences augmentent.",
    question: "Ces signes justifient-ils un signalement à la DPJ dès maintenant, ou dois-je d'abord en parler avec elle? Comment aborder le sujet sans la braquer?",
    messages: [
      {
        from: "pivot",
        afterHours: 3,
        body:
          "Merci de votre consultation. Les signes que vous décrivez (cadeaux, adulte plus âgé, retrait, absences) font partie des indicateurs d'exploitation sexuelle. Vous n'avez pas besoin de certitude : un motif raisonnable de croire suffit pour signaler. Je vous suggère de signaler sans tarder et de garder un lien de confiance avec elle, sans enquêter vous-même.",
      },
      {
        from: "asker",
        afterHours: 5,
        body: "Merci. J'ai fait le signalement avec la direction. Je garde le contact avec elle comme vous le suggérez.",
      },
    ],
    closedAfterHours: 26,
  },
  {
    key: "photos-request",
    to: CJQ_PIVOT,
    daysAgo: 1,
    urgency: "high",
    status: "new",
    subject: "Demandes de photos intimes à un élève de 13 ans",
    context:
      "Un élève de 13 ans confie à un enseignant qu'un contact sur un jeu en ligne lui demande des photos intimes en échange de crédits de jeu. Il a peur que ses parents l'apprennent.",
    question: "Quelles sont les premières étapes? Faut-il conserver les messages et qui doit-on joindre en premier?",
    messages: [],
  },
  {
    key: "party-transport",
    to: SPVQ_PIVOT,
    toOrganization: true,
    daysAgo: 6,
    urgency: "low",
    status: "answered",
    subject: "Adulte qui offre des transports vers des fêtes",
    context:
      "Plusieurs élèves de 4e et 5e secondaire parlent d'un adulte qui offre de les conduire gratuitement à des fêtes privées en fin de semaine. Aucun élève n'a dit avoir été victime.",
    question: "Est-ce une information utile pour le service de police? Comment la transmettre sans identifier les élèves qui en ont parlé?",
    messages: [
      {
        from: "pivot",
        afterHours: 20,
        body:
          "Oui, ce type d'information nous est utile. Vous pouvez la transmettre sans nommer les élèves : le secteur général, la période et le type d'offre suffisent. Je vous appelle pour convenir de la façon de faire.",
      },
    ],
  },
];

/**
 * The demo's consultations (worker of the school board → the CJQ pivot, and → the SPVQ
 * pivots): one answered and closed, one new, one answered. Idempotent: stable ids per Table.
 */
export async function seedConsultationsDemo(tx: Database, partnershipId: string): Promise<void> {
  const people = await tx
    .select({ id: person.id, email: person.email, organizationId: person.organizationId })
    .from(person)
    .where(and(eq(person.partnershipId, partnershipId), inArray(person.email, [WORKER, CJQ_PIVOT, SPVQ_PIVOT])));
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const asker = byEmail.get(WORKER);
  if (!asker) return;
  const now = Date.now();
  let created = 0;
  for (const demo of demoConsultations) {
    const pivot = byEmail.get(demo.to);
    if (!pivot?.organizationId) continue;
    const id = stableId(partnershipId, demo.key);
    const createdAt = new Date(now - demo.daysAgo * DAY);
    const pivotReplies = demo.messages.filter((m) => m.from === "pivot");
    const firstResponseAt = pivotReplies.length ? new Date(createdAt.getTime() + pivotReplies[0]!.afterHours * HOUR) : null;
    const closedAt = demo.closedAfterHours ? new Date(createdAt.getTime() + demo.closedAfterHours * HOUR) : null;
    const [row] = await tx
      .insert(consultation)
      .values({
        id,
        partnershipId,
        askerPersonId: asker.id,
        askerOrganizationId: asker.organizationId,
        targetPersonId: demo.toOrganization ? null : pivot.id,
        targetOrganizationId: pivot.organizationId,
        subject: demo.subject,
        context: demo.context,
        question: demo.question,
        urgency: demo.urgency,
        status: demo.status,
        takenByPersonId: demo.status === "new" ? null : pivot.id,
        firstResponseAt,
        closedAt,
        createdAt,
        updatedAt: closedAt ?? firstResponseAt ?? createdAt,
      })
      .onConflictDoNothing({ target: consultation.id })
      .returning({ id: consultation.id });
    if (!row) continue;
    created++;
    for (const [i, m] of demo.messages.entries()) {
      await tx.insert(consultationMessage).values({
        id: stableId(partnershipId, `${demo.key}:${i}`),
        consultationId: id,
        partnershipId,
        authorPersonId: m.from === "asker" ? asker.id : pivot.id,
        body: m.body,
        createdAt: new Date(createdAt.getTime() + m.afterHours * HOUR),
      });
    }
  }
  if (created) {
    await recordAuditEvent(tx, systemActor("demo-seed", partnershipId), {
      action: "demo.consultations_seeded",
      targetType: "consultation",
      details: { consultations: created },
    });
  }
}

/** For the tests: every demo text goes through the guard like a typed one would. */
export const demoConsultationTexts: string[] = demoConsultations.flatMap((c) => [c.subject, c.context, c.question, ...c.messages.map((m) => m.body)]);
