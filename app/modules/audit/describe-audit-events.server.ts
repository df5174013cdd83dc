// @messages-rendered-on-server: the loader sends these descriptions as text, so the page carries
// none of the ~160 action phrases (docs/decisions/011).
import { eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { organization, partnership, site } from "../governance/tables.ts";
import { meeting } from "../meetings/tables.ts";
import { trainingProgram, trainingSession } from "../training/tables.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { consultation } from "../consultations/tables.ts";
import { catalog, translator, type MessageKey } from "../../i18n/catalog.ts";
import { formatDay } from "../../i18n/format.ts";
import { localName } from "../../i18n/names.ts";
import type { Locale } from "../../i18n/types.ts";
import { quebecDay } from "../time/days.ts";
import { actionWords } from "./action-words.ts";
import { roles, type Role } from "../identity/roles.ts";
import type { AuditRow } from "./list-audit-events.server.ts";

export interface DescribedAuditEvent extends AuditRow {
  actorName: string | null;
  actorOrganization: string | null;
  actionWords: string;
  subject: string | null;
  detailsWords: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ids of one target type on the page (only well-formed uuids reach a query). */
function idsOf(rows: AuditRow[], ...types: string[]): string[] {
  return [...new Set(rows.filter((r) => types.includes(r.targetType) && UUID.test(r.targetId)).map((r) => r.targetId))];
}

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`.trim();

/**
 * Names the people and things a page of events is about, with one query per kind of subject
 * for the whole page (never one per row). A consultation is named only by its day: its content
 * never leaves the consultations module.
 */
async function resolveNames(db: Database, rows: AuditRow[], locale: Locale) {
  const names = new Map<string, string>();
  const people = new Map<string, { name: string; organization: string | null }>();
  const accountIds = [...new Set([...rows.map((r) => r.actorAccountId).filter((id): id is string => !!id), ...idsOf(rows, "account")])];
  const t = translator(locale);
  const [accounts, persons, orgs, sites, tables, meetings, sessions, programs, designations, consultations] = await Promise.all([
    accountIds.length
      ? db
          .select({ id: account.id, givenName: person.givenName, familyName: person.familyName, nameFr: organization.nameFr, nameEn: organization.nameEn })
          .from(account)
          .innerJoin(person, eq(person.id, account.personId))
          .leftJoin(organization, eq(organization.id, person.organizationId))
          .where(inArray(account.id, accountIds))
      : [],
    idsOf(rows, "person").length ? db.select({ id: person.id, givenName: person.givenName, familyName: person.familyName }).from(person).where(inArray(person.id, idsOf(rows, "person"))) : [],
    idsOf(rows, "organization").length ? db.select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn }).from(organization).where(inArray(organization.id, idsOf(rows, "organization"))) : [],
    idsOf(rows, "site").length ? db.select({ id: site.id, name: site.name }).from(site).where(inArray(site.id, idsOf(rows, "site"))) : [],
    idsOf(rows, "partnership").length ? db.select({ id: partnership.id, nameFr: partnership.nameFr, nameEn: partnership.nameEn }).from(partnership).where(inArray(partnership.id, idsOf(rows, "partnership"))) : [],
    idsOf(rows, "meeting").length ? db.select({ id: meeting.id, title: meeting.title }).from(meeting).where(inArray(meeting.id, idsOf(rows, "meeting"))) : [],
    idsOf(rows, "training_session").length
      ? db
          .select({ id: trainingSession.id, dates: trainingSession.dates, nameFr: trainingProgram.nameFr, nameEn: trainingProgram.nameEn })
          .from(trainingSession)
          .innerJoin(trainingProgram, eq(trainingProgram.id, trainingSession.programId))
          .where(inArray(trainingSession.id, idsOf(rows, "training_session")))
      : [],
    idsOf(rows, "training_program").length ? db.select({ id: trainingProgram.id, nameFr: trainingProgram.nameFr, nameEn: trainingProgram.nameEn }).from(trainingProgram).where(inArray(trainingProgram.id, idsOf(rows, "training_program"))) : [],
    idsOf(rows, "pivot_designation").length
      ? db
          .select({ id: pivotDesignation.id, givenName: person.givenName, familyName: person.familyName })
          .from(pivotDesignation)
          .innerJoin(person, eq(person.id, pivotDesignation.personId))
          .where(inArray(pivotDesignation.id, idsOf(rows, "pivot_designation")))
      : [],
    idsOf(rows, "consultation").length ? db.select({ id: consultation.id, createdAt: consultation.createdAt }).from(consultation).where(inArray(consultation.id, idsOf(rows, "consultation"))) : [],
  ]);
  for (const a of accounts) people.set(a.id, { name: fullName(a), organization: a.nameFr || a.nameEn ? localName(locale, a) : null });
  for (const a of accounts) names.set(`account:${a.id}`, fullName(a));
  for (const p of persons) names.set(`person:${p.id}`, fullName(p));
  for (const o of orgs) names.set(`organization:${o.id}`, localName(locale, o));
  for (const s of sites) names.set(`site:${s.id}`, s.name);
  for (const p of tables) names.set(`partnership:${p.id}`, localName(locale, p));
  for (const m of meetings) names.set(`meeting:${m.id}`, m.title);
  for (const s of sessions) names.set(`training_session:${s.id}`, [localName(locale, s), formatDay(locale, s.dates[0])].filter(Boolean).join(", "));
  for (const p of programs) names.set(`training_program:${p.id}`, localName(locale, p));
  for (const d of designations) names.set(`pivot_designation:${d.id}`, fullName(d));
  for (const c of consultations) names.set(`consultation:${c.id}`, t("admin.audit.consultationOf", { day: formatDay(locale, quebecDay(c.createdAt)) }));
  return { names, people };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.join(", ");
  return null;
}

/** The details as short phrases ("tentative : reply"), one level deep, never raw JSON. */
export function detailsInWords(details: Record<string, unknown>, locale: Locale): string[] {
  const t = translator(locale);
  const out: string[] = [];
  const add = (key: string, value: unknown) => {
    const text = scalar(value);
    // An id says nothing to a person (the subject is named in its own column); the CSV keeps ids.
    if (text === null || text === "" || /Id$/.test(key) || UUID.test(text)) return;
    if (key === "attempted") out.push(t("admin.audit.detail.attempted", { value: text }));
    else if (key === "reason") out.push(t("admin.audit.detail.reason", { value: text }));
    else if (key === "role") out.push(t("admin.audit.detail.role", { value: roles.includes(text as Role) ? t(`role.${text as Role}`) : text }));
    else if (key === "rows" && typeof value === "number") out.push(t("admin.audit.detail.rows", { count: value }));
    else if (key === "fields" || key === "changed") out.push(t("admin.audit.detail.fields", { value: text }));
    else out.push(t("admin.audit.detail.other", { key: keyWords(key), value: valueWords(value, text) }));
  };
  // A key the vocabulary names reads in words ("échéance"); a nested one by its last part.
  const keyWords = (key: string) => {
    const last = key.slice(key.lastIndexOf(".") + 1);
    const label = `admin.audit.key.${last}`;
    return Object.hasOwn(catalog[locale], label) ? t(label as MessageKey) : key;
  };
  // Days and instants as people read them, yes/no in words; anything else as written.
  const valueWords = (value: unknown, text: string) => {
    if (typeof value === "boolean") return t(value ? "admin.audit.value.yes" : "admin.audit.value.no");
    if (ISO_DAY.test(text)) return formatDay(locale, text);
    if (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return formatDay(locale, quebecDay(new Date(text)));
    return text;
  };
  for (const [key, value] of Object.entries(details)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value as Record<string, unknown>)) add(`${key}.${inner}`, v);
    } else add(key, value);
  }
  return out.slice(0, 8);
}

export async function describeAuditEvents(db: Database, rows: AuditRow[], locale: Locale): Promise<DescribedAuditEvent[]> {
  const { names, people } = await resolveNames(db, rows, locale);
  return rows.map((r) => {
    const who = r.actorAccountId ? people.get(r.actorAccountId) : undefined;
    return {
      ...r,
      actorName: who?.name ?? null,
      actorOrganization: who?.organization ?? null,
      actionWords: actionWords(locale, r.action),
      subject: names.get(`${r.targetType}:${r.targetId}`) ?? null,
      detailsWords: detailsInWords(r.details, locale),
    };
  });
}
