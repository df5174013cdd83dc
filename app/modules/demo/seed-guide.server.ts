import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { guideModule, guideSection, guideSectionVersion } from "../guide/tables.ts";
import type { GuideExercise, GuideModuleKind, GuideSectionContent, TranslationStatus } from "../guide/vocabulary.ts";

interface DemoSection {
  content: GuideSectionContent;
  translationStatus: TranslationStatus;
}

interface DemoModule {
  kind: GuideModuleKind;
  titleFr: string;
  titleEn: string;
  summaryFr: string;
  summaryEn: string;
  sections: DemoSection[];
}

const exercise = (e: Omit<GuideExercise, "key"> & { key: string }): GuideExercise => e;

/**
 * Demo guide: short summaries written for Filet (not taken from any published guide), marked
 * as demo content. One section stays "to translate" so English readers see the French notice.
 */
const demoGuide: DemoModule[] = [
  {
    kind: "knowledge",
    titleFr: "Savoir",
    titleEn: "Knowledge",
    summaryFr: "Comprendre l'exploitation sexuelle des jeunes : ce qu'elle est, comment elle s'installe et ce que dit la loi.",
    summaryEn: "Understanding the sexual exploitation of youths: what it is, how it takes hold and what the law says.",
    sections: [
      {
        translationStatus: "translated",
        content: {
          titleFr: "Reconnaître l'exploitation sexuelle",
          titleEn: "Recognizing sexual exploitation",
          bodyFr:
            "L'exploitation sexuelle, c'est obtenir un acte sexuel d'une personne mineure en échange d'un avantage : argent, cadeaux, drogue, hébergement, affection ou protection. Le consentement d'une personne mineure n'est jamais une défense.\n\n## Comment elle s'installe\n- Une phase de séduction : attention, cadeaux, promesses.\n- Un isolement progressif de la famille et des amis.\n- Une dette, réelle ou inventée, que le jeune doit « rembourser ».\n\n## Des signes à remarquer\n- Des biens neufs sans explication, plusieurs téléphones.\n- Des absences répétées, des fugues, un nouvel entourage plus âgé.\n- Un changement d'humeur, de la honte, de la peur.\n\nUn signe seul ne prouve rien ; un ensemble de signes doit faire réagir.",
          bodyEn:
            "Sexual exploitation means obtaining a sexual act from a minor in exchange for a benefit: money, gifts, drugs, housing, affection or protection. A minor's consent is never a defence.\n\n## How it takes hold\n- A seduction phase: attention, gifts, promises.\n- Gradual isolation from family and friends.\n- A debt, real or invented, that the youth must \"pay back\".\n\n## Signs to notice\n- New belongings with no explanation, several phones.\n- Repeated absences, running away, a new and older circle.\n- A change of mood, shame, fear.\n\nOne sign alone proves nothing; a set of signs calls for action.",
          exercises: [
            exercise({
              key: "demo-knowledge-myths",
              titleFr: "Mythes et réalités",
              titleEn: "Myths and facts",
              objectivesFr: "Distinguer les idées reçues des faits sur l'exploitation sexuelle.",
              objectivesEn: "Tell common beliefs from facts about sexual exploitation.",
              durationMinutes: 30,
              materialFr: "Dix cartes portant chacune un énoncé ; deux affiches « Mythe » et « Réalité ».",
              materialEn: "Ten cards with one statement each; two posters, \"Myth\" and \"Fact\".",
              instructionsFr:
                "1. En équipes de trois, placez chaque carte sous une affiche.\n2. En grand groupe, comparez les choix et discutez des écarts.\n3. Concluez sur les trois faits à retenir.",
              instructionsEn:
                "1. In teams of three, place each card under a poster.\n2. With the whole group, compare choices and discuss the differences.\n3. Close on the three facts to remember.",
            }),
          ],
        },
      },
      {
        translationStatus: "to_translate",
        content: {
          titleFr: "Le cadre légal en bref",
          titleEn: "",
          bodyFr:
            "Toute personne qui a un motif raisonnable de croire que la sécurité ou le développement d'un enfant est compromis par de l'exploitation sexuelle doit le signaler à la DPJ, même sans certitude. Les professionnels y sont tenus même lorsqu'ils sont liés par le secret professionnel.\n\nLe signalement se fait sans délai. On n'enquête pas soi-même : on rapporte ce qu'on a vu et entendu.",
          bodyEn: "",
          exercises: [],
        },
      },
    ],
  },
  {
    kind: "attitudes",
    titleFr: "Savoir-être",
    titleEn: "Attitudes",
    summaryFr: "L'attitude qui garde le lien : accueillir sans juger, ne pas blâmer le jeune, prendre soin de soi.",
    summaryEn: "The attitude that keeps the connection: welcome without judging, never blame the youth, look after yourself.",
    sections: [
      {
        translationStatus: "translated",
        content: {
          titleFr: "Accueillir sans juger",
          titleEn: "Welcoming without judging",
          bodyFr:
            "Un jeune exploité se voit rarement comme une victime. Il peut défendre la personne qui l'exploite. Le jugement ferme la porte ; la constance la garde ouverte.\n\n- Nommez ce que vous observez, sans accuser.\n- Croyez ce qui est dit, sans poser de questions d'enquête.\n- Dites clairement ce que vous ferez de l'information.",
          bodyEn:
            "An exploited youth rarely sees themselves as a victim. They may defend the person exploiting them. Judgement closes the door; consistency keeps it open.\n\n- Name what you observe, without accusing.\n- Believe what is said, without investigative questions.\n- Say clearly what you will do with the information.",
          exercises: [
            exercise({
              key: "demo-attitudes-words",
              titleFr: "Les mots qui ouvrent, les mots qui ferment",
              titleEn: "Words that open, words that close",
              objectivesFr: "Reformuler des phrases blâmantes en phrases d'accueil.",
              objectivesEn: "Rephrase blaming sentences into welcoming ones.",
              durationMinutes: 20,
              materialFr: "Une liste de phrases entendues en intervention.",
              materialEn: "A list of sentences heard in practice.",
              instructionsFr: "En duos, reformulez chaque phrase, puis lisez-en deux au groupe.",
              instructionsEn: "In pairs, rephrase each sentence, then read two of them to the group.",
            }),
          ],
        },
      },
    ],
  },
  {
    kind: "skills",
    titleFr: "Savoir-faire",
    titleEn: "Skills",
    summaryFr: "Agir : repérer, consulter un pivot, signaler à la DPJ et transmettre seulement l'information nécessaire.",
    summaryEn: "Acting: spot, consult a pivot, report to youth protection and share only the information needed.",
    sections: [
      {
        translationStatus: "to_review",
        content: {
          titleFr: "De l'inquiétude au signalement",
          titleEn: "From concern to report",
          bodyFr:
            "1. En cas de danger immédiat, appelez le 911.\n2. Notez les faits observés, avec leur date, sans interpréter.\n3. Consultez le ou la pivot de votre organisation si vous hésitez.\n4. Signalez à la DPJ dès que vous avez un motif raisonnable de croire.\n5. Ne transmettez que l'information nécessaire, aux personnes qui en ont besoin.",
          bodyEn:
            "1. In immediate danger, call 911.\n2. Write down the facts observed, with their date, without interpreting.\n3. Consult your organization's pivot if you hesitate.\n4. Report to youth protection as soon as you have reasonable grounds to believe.\n5. Share only the information needed, with the people who need it.",
          exercises: [
            exercise({
              key: "demo-skills-case",
              titleFr: "Étude de cas : la première heure",
              titleEn: "Case study: the first hour",
              objectivesFr: "Appliquer les étapes du signalement à une situation fictive.",
              objectivesEn: "Apply the reporting steps to a fictional situation.",
              durationMinutes: 45,
              materialFr: "Une vignette fictive par équipe ; la page « J'ai un doute ».",
              materialEn: "One fictional vignette per team; the \"I have a doubt\" page.",
              instructionsFr:
                "Chaque équipe décide de ses gestes pour la première heure, puis justifie chaque étape devant le groupe. L'animation ramène aux faits et au motif raisonnable de croire.",
              instructionsEn:
                "Each team decides its actions for the first hour, then explains each step to the group. The facilitator brings the discussion back to facts and reasonable grounds.",
            }),
          ],
        },
      },
    ],
  },
];

/** Seeds the demo guide of a Table once (a Table that already has a guide is left alone). */
export async function seedGuideDemo(tx: Database, partnershipId: string): Promise<void> {
  const [existing] = await tx.select({ id: guideModule.id }).from(guideModule).where(eq(guideModule.partnershipId, partnershipId)).limit(1);
  if (existing) return;
  const publishedAt = new Date();
  let sections = 0;
  for (const [i, m] of demoGuide.entries()) {
    const [mod] = await tx
      .insert(guideModule)
      .values({
        partnershipId,
        kind: m.kind,
        position: i + 1,
        titleFr: m.titleFr,
        titleEn: m.titleEn,
        summaryFr: m.summaryFr,
        summaryEn: m.summaryEn,
        isDemo: true,
      })
      .returning({ id: guideModule.id });
    for (const [j, s] of m.sections.entries()) {
      const [section] = await tx
        .insert(guideSection)
        .values({ partnershipId, moduleId: mod!.id, position: j + 1, isDemo: true })
        .returning({ id: guideSection.id });
      await tx.insert(guideSectionVersion).values({
        partnershipId,
        sectionId: section!.id,
        number: 1,
        status: "published",
        content: s.content,
        translationStatus: s.translationStatus,
        changeNote: "Contenu de démonstration",
        publishedAt,
      });
      sections++;
    }
  }
  await recordAuditEvent(tx, systemActor("demo-seed", partnershipId), {
    action: "guide.demo_seeded",
    targetType: "partnership",
    targetId: partnershipId,
    details: { modules: demoGuide.length, sections },
  });
}
