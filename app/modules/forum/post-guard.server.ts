import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { checkTexts, hasFindings, type GuardFindings } from "../consultations/consultation-schema.ts";
import { publicPhonesFor } from "../consultations/pii/table-phones.server.ts";
import { isCurrentDesignation } from "../directory/current.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { quebecDay } from "../time/days.ts";
import { everyoneWords, foldAcronym, handleOf, mentionSpans } from "./vocabulary.ts";

export interface ResolvedMentions {
  /** People named by their handle (@helene.bouchard). */
  people: string[];
  /** Designated pivots of the organizations named by their acronym (@SPVQ). */
  organizationPivots: string[];
  /** "@all" or "@tous" was written: every reader of the space (moderators only may). */
  everyone: boolean;
  /** The @words that named someone (their spans pass the guard). */
  known: Set<string>;
}

/** The @words of texts that name a person of the Table or an organization (its current designated pivots). */
export async function resolveMentions(db: Database, partnershipId: string, texts: string[], today = quebecDay()): Promise<ResolvedMentions> {
  const words = new Set(texts.flatMap((t) => mentionSpans(t).map((s) => s.word)));
  const empty: ResolvedMentions = { people: [], organizationPivots: [], everyone: false, known: new Set() };
  if (!words.size) return empty;
  const orgs = await db.select({ id: organization.id, acronym: organization.acronym }).from(organization).where(and(eq(organization.partnershipId, partnershipId), isNull(organization.leftOn)));
  const orgIds = orgs.filter((o) => o.acronym && words.has(foldAcronym(o.acronym))).map((o) => o.id);
  const known = new Set(orgs.filter((o) => o.acronym && words.has(foldAcronym(o.acronym))).map((o) => foldAcronym(o.acronym)));
  const pivots = orgIds.length
    ? await db
        .selectDistinct({ personId: pivotDesignation.personId })
        .from(pivotDesignation)
        .where(and(eq(pivotDesignation.partnershipId, partnershipId), inArray(pivotDesignation.organizationId, orgIds), isCurrentDesignation(today)))
    : [];
  const people = await db.select({ id: person.id, givenName: person.givenName, familyName: person.familyName }).from(person).where(eq(person.partnershipId, partnershipId));
  const named: string[] = [];
  for (const p of people) {
    const handle = handleOf(p.givenName, p.familyName);
    if (words.has(handle)) {
      named.push(p.id);
      known.add(handle);
    }
  }
  const everyone = everyoneWords.filter((w) => words.has(w));
  for (const w of everyone) known.add(w);
  return { people: named, organizationPivots: pivots.map((p) => p.personId), everyone: everyone.length > 0, known };
}

/**
 * The identifying-details guard on a post's texts (the same finder and public numbers as the
 * consultations). A mention of a colleague or of an organization (@helene.bouchard, @SPVQ) is
 * not a youth's social-media handle: its span passes whole; any other handle, name, number… is found.
 */
export async function guardPostTexts(db: Database, partnershipId: string, fields: Record<string, string>): Promise<{ findings: GuardFindings; mentions: ResolvedMentions }> {
  const texts = Object.values(fields);
  const mentions = await resolveMentions(db, partnershipId, texts);
  const publicPhones = await publicPhonesFor(db, partnershipId, texts);
  const raw = checkTexts(fields, publicPhones);
  const findings: GuardFindings = {};
  for (const [name, list] of Object.entries(raw)) {
    const spans = mentionSpans(fields[name] ?? "").filter((s) => mentions.known.has(s.word));
    // A resolved handle names a colleague, so nothing the finder sees inside it is a youth's
    // detail: not the handle itself, nor digits in a name ("@alex.test-42202067" read as a health
    // insurance number). The finder may take the sentence's final period with it ("@SPVQ.").
    const kept = list.filter((f) => !spans.some((s) => f.start >= s.start && f.start < s.end && f.end <= s.end + 1));
    if (kept.length) findings[name] = kept;
  }
  return { findings, mentions };
}

/**
 * An attachment's file name is checked like the post ("dossier-prenom-nom.pdf" names someone):
 * without its extension, its words apart and each capitalized, since file names are often
 * written in lower case and the finder reads names by their capitals. A common word that
 * is also a first name may be found: renaming the file is the way through.
 */
export function attachmentName(upload: { fileName: string } | null | undefined): { attachment?: string } {
  if (!upload) return {};
  const words = upload.fileName
    .replace(/\.[^.]*$/, "")
    // Dashes between letters separate words; between digits they belong to a number (a phone).
    .split(/[\s_.]+|(?<=\p{L})-+(?=\p{L})/u)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase("fr") + w.slice(1));
  // Words apart (a run of capitalized words reads as a title to the finder): each name stands alone.
  return { attachment: words.join(", ") };
}

export { hasFindings };
