import { and, desc, eq, inArray, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.server.ts";
import { person } from "../people/tables.ts";
import { pathwayVersion, type PathwayContent } from "./tables.ts";

const creator = alias(person, "creator");
const publisher = alias(person, "publisher");

export interface PathwayVersionSummary {
  id: string;
  number: number;
  status: "draft" | "published" | "archived";
  validatedByTable: boolean;
  changeNote: string;
  restoredFromNumber: number | null;
  createdAt: Date;
  createdByName: string | null;
  publishedAt: Date | null;
  publishedByName: string | null;
}

export interface PathwayVersionDetail extends PathwayVersionSummary {
  content: PathwayContent;
}

const restored = alias(pathwayVersion, "restored");

function nameOf(p: { givenName: string | null; familyName: string | null }): string | null {
  return p.givenName ? `${p.givenName} ${p.familyName ?? ""}`.trim() : null;
}

function baseQuery(db: Database) {
  return db
    .select({
      id: pathwayVersion.id,
      number: pathwayVersion.number,
      status: pathwayVersion.status,
      validatedByTable: pathwayVersion.validatedByTable,
      changeNote: pathwayVersion.changeNote,
      content: pathwayVersion.content,
      restoredFromNumber: restored.number,
      createdAt: pathwayVersion.createdAt,
      creatorGiven: creator.givenName,
      creatorFamily: creator.familyName,
      publishedAt: pathwayVersion.publishedAt,
      publisherGiven: publisher.givenName,
      publisherFamily: publisher.familyName,
    })
    .from(pathwayVersion)
    .leftJoin(creator, eq(creator.id, pathwayVersion.createdBy))
    .leftJoin(publisher, eq(publisher.id, pathwayVersion.publishedBy))
    // Same Table in the join too: a forged restored_from never reveals another Table's row.
    .leftJoin(
      restored,
      and(eq(restored.id, pathwayVersion.restoredFrom), eq(restored.partnershipId, pathwayVersion.partnershipId)),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["limit"]>>[number];

function toDetail(row: Row): PathwayVersionDetail {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    validatedByTable: row.validatedByTable,
    changeNote: row.changeNote,
    content: row.content,
    restoredFromNumber: row.restoredFromNumber ?? null,
    createdAt: row.createdAt,
    createdByName: nameOf({ givenName: row.creatorGiven, familyName: row.creatorFamily }),
    publishedAt: row.publishedAt,
    publishedByName: nameOf({ givenName: row.publisherGiven, familyName: row.publisherFamily }),
  };
}

/** Every version of one Table's pathway, newest first (the history: who, when, why). */
export async function listPathwayVersions(db: Database, partnershipId: string): Promise<PathwayVersionSummary[]> {
  const rows = await baseQuery(db)
    .where(eq(pathwayVersion.partnershipId, partnershipId))
    .orderBy(desc(pathwayVersion.number))
    .limit(500);
  return rows.map((row) => {
    const { content: _content, ...summary } = toDetail(row);
    return summary;
  });
}

/** One version of the Table; another Table's id answers null, like a missing one. */
export async function getPathwayVersion(
  db: Database,
  partnershipId: string,
  versionId: string,
): Promise<PathwayVersionDetail | null> {
  const [row] = await baseQuery(db)
    .where(and(eq(pathwayVersion.partnershipId, partnershipId), eq(pathwayVersion.id, versionId)))
    .limit(1);
  return row ? toDetail(row) : null;
}

/** What the editor starts from: the pending draft when there is one, else the published text. */
export async function getPathwayEditorState(
  db: Database,
  partnershipId: string,
): Promise<{ base: PathwayVersionDetail | null; latestNumber: number; draft: boolean }> {
  const rows = await baseQuery(db)
    .where(and(eq(pathwayVersion.partnershipId, partnershipId), inArray(pathwayVersion.status, ["draft", "published"])))
    .orderBy(desc(pathwayVersion.number))
    .limit(10);
  const details = rows.map(toDetail);
  const draft = details.find((v) => v.status === "draft");
  const published = details.find((v) => v.status === "published");
  return { base: draft ?? published ?? null, latestNumber: await latestPathwayNumber(db, partnershipId), draft: !!draft };
}

/** The highest version number of the Table (0 when none): the editors' version check. */
export async function latestPathwayNumber(db: Database, partnershipId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(pathwayVersion.number) })
    .from(pathwayVersion)
    .where(eq(pathwayVersion.partnershipId, partnershipId));
  return row?.n ?? 0;
}
