import type { PathwayContent } from "./tables.ts";
import type { PathwayTextKey } from "./steps.ts";

/**
 * The pathway shipped with a new Table: original wording, calm and short, legally careful.
 * It stays marked "to be validated by the Table" on screen until the Table coordinator
 * validates it (validated_by_table). Legal references (Youth Protection Act, RLRQ c. P-34.1,
 * art. 38, 39, 43, 44) are summarized, never quoted, and are for the Table to check.
 * The 911 button and the DPJ number are drawn by the page itself, not by these texts.
 */
const fr: Record<PathwayTextKey, string> = {
  intro:
    "Vous êtes inquiet ou inquiète pour un ou une jeune ? Cette page vous guide en cinq étapes. " +
    "Elle ne remplace pas votre jugement : elle vous aide à agir sans attendre et sans rester seul·e.",
  danger:
    "Si le ou la jeune est **en danger immédiat** (violence, menace, séquestration, détresse grave, " +
    "départ imminent avec un adulte qui l'exploite), **appelez le 911 maintenant**.\n\n" +
    "Restez avec le ou la jeune si c'est sécuritaire. Les autres démarches viendront ensuite.",
  signs:
    "Ces signes **peuvent** indiquer une situation d'exploitation sexuelle. Ils aident à mettre des mots " +
    "sur une inquiétude : aucun ne prouve quoi que ce soit et aucun ne sert à « noter » un ou une jeune.\n\n" +
    "- Cadeaux, argent, vêtements ou téléphone dont la provenance n'est pas expliquée\n" +
    "- Un nouvel « ami » ou une nouvelle « amie » plus âgé·e, qui contrôle les allées et venues\n" +
    "- Absences, fugues ou nuits hors de la maison répétées\n" +
    "- Consommation d'alcool ou de drogues nouvelle ou en hausse\n" +
    "- Changement soudain d'attitude, d'apparence ou de fréquentations; isolement des proches\n" +
    "- Usage secret et intense du cellulaire ou des réseaux sociaux; images intimes demandées ou partagées\n" +
    "- Propos sur des « faveurs », une dette à rembourser ou des rencontres avec des adultes\n\n" +
    "Vous n'avez pas à être certain·e. En parler à un ou une pivot aide à y voir clair.",
  duty:
    "**Signalez sans délai à la DPJ** si vous avez un motif raisonnable de croire que la sécurité ou le " +
    "développement d'un ou d'une jeune est ou peut être compromis (Loi sur la protection de la jeunesse, " +
    "RLRQ c. P-34.1, art. 38 et 39). L'obligation vise :\n\n" +
    "- les professionnel·les qui offrent des soins ou de l'aide à des enfants, les employé·es d'un établissement, " +
    "le personnel enseignant et les policiers et policières, dans l'exercice de leurs fonctions, " +
    "**même s'ils sont liés par le secret professionnel**;\n" +
    "- **toute personne**, lorsqu'il s'agit d'abus sexuels, ce qui comprend toute forme d'exploitation sexuelle.\n\n" +
    "### Comment signaler\n\n" +
    "Appelez la DPJ de la région, 24 heures sur 24, 7 jours sur 7 (numéro ci-dessus). Ayez en main, si possible : " +
    "ce que vous avez vu ou entendu, quand et où; l'âge du ou de la jeune et son milieu; ce que vous avez déjà fait.\n\n" +
    "### À savoir\n\n" +
    "- Consulter un ou une pivot **ne retarde jamais** un signalement : au besoin, signalez d'abord.\n" +
    "- L'identité de la personne qui signale est protégée (art. 44).\n" +
    "- Une personne qui signale de bonne foi est protégée contre les poursuites (art. 43).\n" +
    "- Exploitation en ligne (images intimes, leurre, sextorsion) : signalez aussi à " +
    "[Cyberaide.ca](https://www.cyberaide.ca).",
  contacts:
    "Les pivots connaissent le phénomène et le réseau. Ils et elles vous aident à réfléchir, à signaler " +
    "et à orienter le ou la jeune. Commencez par les pivots de votre organisation; sinon, joignez ceux " +
    "d'un autre partenaire.",
  sharing:
    "| À qui | Ce que vous pouvez transmettre |\n" +
    "| --- | --- |\n" +
    "| La DPJ, quand vous signalez | Tout ce qui est utile pour évaluer la situation, y compris l'identité du ou de la jeune : la loi le permet, même sous secret professionnel. |\n" +
    "| Votre pivot (votre organisation) | Ce qui est utile pour vous conseiller. Dans Filet : jamais de nom, de date de naissance, d'adresse ni de coordonnées du ou de la jeune. |\n" +
    "| Une autre organisation | Une situation dépersonnalisée seulement, sauf consentement ou si la loi le permet. |\n\n" +
    "En cas de doute, demandez à votre pivot ou à la personne responsable de la protection des " +
    "renseignements personnels de votre organisation.",
};

const en: Record<PathwayTextKey, string> = {
  intro:
    "Worried about a youth? This page guides you in five steps. It does not replace your judgment: " +
    "it helps you act without waiting and without being alone.",
  danger:
    "If the youth is **in immediate danger** (violence, threats, confinement, severe distress, about to " +
    "leave with an adult who exploits them), **call 911 now**.\n\n" +
    "Stay with the youth if it is safe to do so. The other steps can come afterwards.",
  signs:
    "These signs **may** indicate sexual exploitation. They help put words on a concern: none of them " +
    "proves anything, and none is used to \"score\" a youth.\n\n" +
    "- Gifts, money, clothes or a phone that cannot be explained\n" +
    "- A new, older \"friend\" or \"partner\" who controls where the youth goes\n" +
    "- Repeated absences, running away or nights away from home\n" +
    "- New or increased use of alcohol or drugs\n" +
    "- Sudden change in attitude, appearance or friends; cutting off from family and friends\n" +
    "- Secretive, heavy use of a phone or social media; intimate images requested or shared\n" +
    "- Talk of \"favours\", a debt to pay back or meetings with adults\n\n" +
    "You do not need to be certain. Talking it over with a pivot worker helps you see clearly.",
  duty:
    "**Report to the DPJ (Director of Youth Protection) without delay** if you have reasonable grounds to " +
    "believe that a youth's security or development is or may be in danger (Youth Protection Act, " +
    "CQLR c. P-34.1, s. 38 and 39). The duty applies to:\n\n" +
    "- professionals who provide care or assistance to children, employees of an institution, teachers and " +
    "police officers, in the course of their duties, **even if bound by professional secrecy**;\n" +
    "- **anyone** when it comes to sexual abuse, which includes any form of sexual exploitation.\n\n" +
    "### How to report\n\n" +
    "Call the regional DPJ, 24 hours a day, 7 days a week (number above). If you can, have at hand: what you " +
    "saw or heard, when and where; the youth's age and setting; what you have already done.\n\n" +
    "### Good to know\n\n" +
    "- Consulting a pivot worker **never delays** a report: if needed, report first.\n" +
    "- The identity of the person who reports is protected (s. 44).\n" +
    "- A person who reports in good faith is protected from legal proceedings (s. 43).\n" +
    "- Online exploitation (intimate images, luring, sextortion): also report to " +
    "[Cybertip.ca](https://www.cybertip.ca).",
  contacts:
    "Pivot workers know the issue and the network. They help you think it through, report and refer the " +
    "youth. Start with your own organization's pivots; otherwise, reach a pivot of another partner.",
  sharing:
    "| To whom | What you may pass on |\n" +
    "| --- | --- |\n" +
    "| The DPJ, when you report | Everything useful to assess the situation, including the youth's identity: the law allows it, even under professional secrecy. |\n" +
    "| Your pivot (your organization) | What is useful to advise you. In Filet: never the youth's name, date of birth, address or contact details. |\n" +
    "| Another organization | A de-identified situation only, unless there is consent or the law allows it. |\n\n" +
    "When in doubt, ask your pivot or your organization's privacy officer.",
};

export const defaultPathwayContent: PathwayContent = { fr, en };

export const DEFAULT_PATHWAY_NOTE = "Contenu par défaut livré avec Filet — à valider par la Table / Default content shipped with Filet — to be validated by the Table";
