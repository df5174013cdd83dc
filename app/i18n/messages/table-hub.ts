import type { Translation } from "../types.ts";

// The Table hub (/table): one entry for the Table's work, and the home shortcuts that point into it.
export const fr = {
  "tableHub.nav": "La Table",
  "tableHub.title": "La Table au travail",
  "tableHub.intro": "Tout ce qui fait vivre le partenariat : les partenaires, les rencontres et leurs suites, le plan d'action, le financement et les annonces.",
  "tableHub.sections": "Sections de la Table",
  "tableHub.links": "Pages de « {section} »",

  "tableHub.partners.title": "Partenaires",
  "tableHub.partners.body": "Qui sont les partenaires, ce que chacun apporte et leurs engagements écrits.",
  "tableHub.partners.count": "Organisations partenaires : {count}",
  "tableHub.partners.commitments": "Engagements signés : {signed} · à renouveler : {due} · en retard : {late}",

  "tableHub.meetings.title": "Rencontres",
  "tableHub.meetings.body": "Ordres du jour, invitations, présences, comptes rendus et décisions.",
  "tableHub.meetings.next": "Prochaine rencontre : {title}, {when}",
  "tableHub.meetings.none": "Aucune rencontre prévue pour l'instant.",
  "tableHub.meetings.upcoming": "Rencontres à venir : {count}",
  "tableHub.meetings.toClose": "Rencontres passées à clore (compte rendu) : {count}",

  "tableHub.responsibilities.title": "Responsabilités",
  "tableHub.responsibilities.body": "Ce qui a été confié à la suite des rencontres, à qui et pour quand.",
  "tableHub.responsibilities.mine": "Mes responsabilités ouvertes : {open} (en retard : {overdue})",
  "tableHub.responsibilities.overdue": "En retard, tous responsables confondus : {count}",
  "tableHub.responsibilities.overdueLink": "Voir les responsabilités en retard",

  "tableHub.actionPlan.title": "Plan d'action",
  "tableHub.actionPlan.body": "Les objectifs de l'année, les actions, qui en est responsable et où elles en sont.",
  "tableHub.actionPlan.counts": "Plan {year} — objectifs : {objectives} · actions : {actions} · réalisées : {done} · en cours : {inProgress}",
  "tableHub.actionPlan.none": "Aucun plan d'action pour l'instant.",

  "tableHub.funding.title": "Financement",
  "tableHub.funding.body": "Les subventions, leurs redditions de comptes et leurs échéances.",
  "tableHub.funding.active": "Subventions en cours : {count}",
  "tableHub.funding.nextReport": "Prochaine reddition de comptes : {date}",
  "tableHub.funding.firstEnd": "Première fin de subvention : {date}",

  "tableHub.handover.title": "Passation",
  "tableHub.handover.body": "Transmettre la coordination de la Table avec une liste de passation.",
  "tableHub.handover.open": "Passation en cours : {checked, plural, one {# élément coché} other {# éléments cochés}} sur {total}",
  "tableHub.handover.none": "Aucune passation en cours.",

  "tableHub.announcements.title": "Annonces",
  "tableHub.announcements.body": "Les nouvelles de la Table et de la coordination.",
  "tableHub.announcements.unread": "Annonces non lues : {count}",
  "tableHub.announcements.new": "Publier une annonce",

  "tableHub.home.mine.title": "Mes responsabilités",
  "tableHub.home.mine.body": "Ouvertes : {open} · en retard : {overdue}",
  "tableHub.home.next.title": "Prochaine rencontre",
  "tableHub.home.next.body": "{title}, {when}",
  "tableHub.home.table.body": "Partenaires, rencontres, responsabilités, plan d'action, financement et annonces.",
} as const;

export const en: Translation<typeof fr> = {
  "tableHub.nav": "The Table",
  "tableHub.title": "The Table at work",
  "tableHub.intro": "Everything that keeps the partnership alive: the partners, the meetings and what follows them, the action plan, funding and announcements.",
  "tableHub.sections": "Sections of the Table",
  "tableHub.links": "Pages of “{section}”",

  "tableHub.partners.title": "Partners",
  "tableHub.partners.body": "Who the partners are, what each brings and their written commitments.",
  "tableHub.partners.count": "Partner organizations: {count}",
  "tableHub.partners.commitments": "Commitments signed: {signed} · due for renewal: {due} · late: {late}",

  "tableHub.meetings.title": "Meetings",
  "tableHub.meetings.body": "Agendas, invitations, attendance, minutes and decisions.",
  "tableHub.meetings.next": "Next meeting: {title}, {when}",
  "tableHub.meetings.none": "No meeting planned yet.",
  "tableHub.meetings.upcoming": "Upcoming meetings: {count}",
  "tableHub.meetings.toClose": "Past meetings to close (minutes): {count}",

  "tableHub.responsibilities.title": "Responsibilities",
  "tableHub.responsibilities.body": "What was entrusted after the meetings, to whom and by when.",
  "tableHub.responsibilities.mine": "My open responsibilities: {open} (overdue: {overdue})",
  "tableHub.responsibilities.overdue": "Overdue, whoever they belong to: {count}",
  "tableHub.responsibilities.overdueLink": "See the overdue responsibilities",

  "tableHub.actionPlan.title": "Action plan",
  "tableHub.actionPlan.body": "The year's objectives, the actions, who is responsible and how far they are.",
  "tableHub.actionPlan.counts": "Plan {year} — objectives: {objectives} · actions: {actions} · done: {done} · in progress: {inProgress}",
  "tableHub.actionPlan.none": "No action plan yet.",

  "tableHub.funding.title": "Funding",
  "tableHub.funding.body": "Grants, their reports and their deadlines.",
  "tableHub.funding.active": "Grants in force: {count}",
  "tableHub.funding.nextReport": "Next report due: {date}",
  "tableHub.funding.firstEnd": "First grant to end: {date}",

  "tableHub.handover.title": "Handover",
  "tableHub.handover.body": "Hand the Table's coordination over with a checklist.",
  "tableHub.handover.open": "Handover in progress: {checked} of {total, plural, one {# item} other {# items}} checked",
  "tableHub.handover.none": "No handover in progress.",

  "tableHub.announcements.title": "Announcements",
  "tableHub.announcements.body": "News from the Table and its coordination.",
  "tableHub.announcements.unread": "Unread announcements: {count}",
  "tableHub.announcements.new": "Post an announcement",

  "tableHub.home.mine.title": "My responsibilities",
  "tableHub.home.mine.body": "Open: {open} · overdue: {overdue}",
  "tableHub.home.next.title": "Next meeting",
  "tableHub.home.next.body": "{title}, {when}",
  "tableHub.home.table.body": "Partners, meetings, responsibilities, action plan, funding and announcements.",
};
