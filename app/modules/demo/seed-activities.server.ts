import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { person } from "../people/tables.ts";
import type { PivotActivityType } from "../pivot-activities/activity-schema.ts";
import { pivotActivity } from "../pivot-activities/tables.ts";

interface DemoActivity {
  /** The demo pivot who logged it (looked up by email in the Table). */
  email: string;
  type: PivotActivityType;
  occurredOn: string;
  durationMinutes: number;
  audience?: string;
  audienceSize?: number;
  notes: string;
}

/**
 * A dozen plausible activities by the demo pivots over 2025–2026. Notes are de-identified
 * (a test runs them through the identifying-details guard).
 */
export const demoActivities: readonly DemoActivity[] = [
  {
    email: "pivot.cjq@filet.test",
    type: "awareness_session",
    occurredOn: "2025-02-12",
    durationMinutes: 90,
    audience: "Équipe d'intervention jeunesse du centre jeunesse",
    audienceSize: 18,
    notes: "Présentation des signes d'exploitation et du parcours « J'ai un doute ». Questions nombreuses sur le recrutement en ligne.",
  },
  {
    email: "coord-pivots.spvq@filet.test",
    type: "meeting_attended",
    occurredOn: "2025-03-06",
    durationMinutes: 120,
    notes: "Rencontre régionale des pivots : mise en commun des pratiques de repérage et mise à jour du bottin.",
  },
  {
    email: "helene.bouchard@filet.test",
    type: "consultation_given",
    occurredOn: "2025-04-15",
    durationMinutes: 45,
    notes: "Soutien à une intervenante scolaire inquiète pour une élève de 15 ans; orientation vers un signalement à la DPJ.",
  },
  {
    email: "amelie.caron@filet.test",
    type: "awareness_session",
    occurredOn: "2025-05-21",
    durationMinutes: 60,
    audience: "Travailleuses et travailleurs de rue de la Rive-Sud",
    audienceSize: 9,
    notes: "Atelier sur l'approche de réduction des méfaits et les ressources d'hébergement d'urgence.",
  },
  {
    email: "david.nguyen@filet.test",
    type: "awareness_session",
    occurredOn: "2025-09-24",
    durationMinutes: 75,
    audience: "Personnel enseignant d'une école secondaire anglophone",
    audienceSize: 32,
    notes: "Session in English on online luring and sextortion; handout from the guide shared.",
  },
  {
    email: "olivier.bergeron@filet.test",
    type: "case_discussion",
    occurredOn: "2025-10-08",
    durationMinutes: 60,
    notes: "Discussion de cas dépersonnalisée avec l'équipe : fugues répétées d'un adolescent et contacts avec des adultes inconnus.",
  },
  {
    email: "pivot.cjq@filet.test",
    type: "management_briefing",
    occurredOn: "2025-11-04",
    durationMinutes: 30,
    notes: "Bilan trimestriel transmis à la direction : volume de consultations et besoins de formation.",
  },
  {
    email: "marc-andre.pelletier@filet.test",
    type: "training_received",
    occurredOn: "2025-11-19",
    durationMinutes: 420,
    notes: "Formation de base de deux jours, première journée : repérage et obligation de signaler.",
  },
  {
    email: "sophie.tremblay@filet.test",
    type: "awareness_session",
    occurredOn: "2026-01-28",
    durationMinutes: 50,
    audience: "Élèves de 4e secondaire",
    audienceSize: 27,
    notes: "Animation en classe sur les relations saines et le consentement, avec l'infirmière scolaire.",
  },
  {
    email: "coord-pivots.spvq@filet.test",
    type: "consultation_given",
    occurredOn: "2026-02-17",
    durationMinutes: 40,
    notes: "Conseils à un patrouilleur sur la conduite à tenir lors d'une fugue signalée et sur le lien avec la DPJ.",
  },
  {
    email: "helene.bouchard@filet.test",
    type: "meeting_attended",
    occurredOn: "2026-03-12",
    durationMinutes: 90,
    notes: "Rencontre de suivi des pivots du CLSC : partage des situations vécues et des ressources.",
  },
  {
    email: "amelie.caron@filet.test",
    type: "management_briefing",
    occurredOn: "2026-04-02",
    durationMinutes: 20,
    notes: "Note à la coordination de l'organisme sur la hausse des demandes liées aux réseaux sociaux.",
  },
];

/**
 * Adds the demo activities to a Table once: when the Table already has activities (a
 * second run, or real ones), it does nothing. Pivots missing from the Table are skipped.
 */
export async function seedActivitiesDemo(tx: Database, partnershipId: string): Promise<void> {
  const existing = await tx
    .select({ id: pivotActivity.id })
    .from(pivotActivity)
    .where(eq(pivotActivity.partnershipId, partnershipId))
    .limit(1);
  if (existing.length) return;
  const emails = [...new Set(demoActivities.map((a) => a.email))];
  const people = await tx
    .select({ id: person.id, email: person.email, organizationId: person.organizationId })
    .from(person)
    .where(and(eq(person.partnershipId, partnershipId), inArray(person.email, emails)));
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const rows = demoActivities.flatMap((a) => {
    const who = byEmail.get(a.email);
    if (!who?.organizationId) return [];
    return [
      {
        partnershipId,
        organizationId: who.organizationId,
        personId: who.id,
        type: a.type,
        occurredOn: a.occurredOn,
        durationMinutes: a.durationMinutes,
        audience: a.audience ?? "",
        audienceSize: a.audienceSize ?? null,
        notes: a.notes,
      },
    ];
  });
  if (!rows.length) return;
  await tx.insert(pivotActivity).values(rows);
  await recordAuditEvent(tx, systemActor("demo-seed", partnershipId), {
    action: "demo.activities_seeded",
    targetType: "partnership",
    targetId: partnershipId,
    partnershipId,
    organizationId: null,
    details: { activities: rows.length },
  });
}
