import { customType, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { createdAtColumn, idColumn } from "../db/columns.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike)),
});

/**
 * An uploaded document (signed commitment, minutes attachment, grant agreement, session handout).
 * Stored inside the database so that a backup of the database is a backup of the documents, and
 * so the same deny-by-default scoping applies: a file belongs to one Table (and optionally one
 * organization) and is only served through the route of the record that owns it.
 */
export const storedFile = pgTable(
  "stored_file",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    organizationId: uuid("organization_id").references(() => organization.id),
    /** Which record owns it, e.g. "commitment", "meeting", "grant", "training_session". */
    ownerType: text("owner_type").notNull(),
    ownerId: uuid("owner_id").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedByPersonId: uuid("uploaded_by_person_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("stored_file_owner_idx").on(t.partnershipId, t.ownerType, t.ownerId)],
);
