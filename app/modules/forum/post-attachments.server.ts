import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { anyDocument, MAX_UPLOAD_BYTES } from "../files/file-types.ts";
import { readUpload, type Upload } from "../files/read-upload.server.ts";
import { getFile, storeFile, type FileOwner, type StoredFileInfo } from "../files/stored-files.server.ts";
import { storedFile } from "../files/tables.ts";
import type { ForumViewer } from "./access.server.ts";
import { postAccess } from "./thread-access.server.ts";

/** The files store's owner type of a post's attachments (the retention run and redaction name it too). */
export const POST_FILE_OWNER = "forum_post";

export const postFileOwner = (partnershipId: string, postId: string): FileOwner => ({ partnershipId, ownerType: POST_FILE_OWNER, ownerId: postId });

/** Stores a checked upload as a post's attachment, in the post's transaction (the post's audit event names it). */
export async function attachToPost(tx: Database, input: { partnershipId: string; postId: string; upload: Upload; personId: string }): Promise<StoredFileInfo> {
  return storeFile(tx, postFileOwner(input.partnershipId, input.postId), input.upload, input.personId);
}

export type AttachmentView = Pick<StoredFileInfo, "id" | "fileName" | "mediaType" | "byteSize">;

/** The attachments of some posts of one Table, without their bytes, oldest first. */
export async function attachmentsOf(db: Database, partnershipId: string, postIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (!postIds.length) return out;
  const rows = await db
    .select({ id: storedFile.id, ownerId: storedFile.ownerId, fileName: storedFile.fileName, mediaType: storedFile.mediaType, byteSize: storedFile.byteSize })
    .from(storedFile)
    .where(and(eq(storedFile.partnershipId, partnershipId), eq(storedFile.ownerType, POST_FILE_OWNER), inArray(storedFile.ownerId, postIds)))
    .orderBy(asc(storedFile.createdAt));
  for (const { ownerId, ...file } of rows) out.set(ownerId, [...(out.get(ownerId) ?? []), file]);
  return out;
}

/**
 * An attachment with its bytes, authorized by the post's space: null (a 404) when the viewer
 * does not read the space, when the file is not this post's, and when the post is hidden (a
 * hidden post's files are served to nobody, moderators included: what was hidden may be what
 * identifies someone).
 */
export async function openAttachment(db: Database, viewer: ForumViewer, postId: string, fileId: string) {
  const access = await postAccess(db, viewer, postId);
  if (!access || access.post.hiddenAt) return null;
  return getFile(db, postFileOwner(viewer.partnershipId, postId), fileId);
}

/** Removes a post's attachments (redaction, retention): the count removed. */
export async function removePostAttachments(tx: Database, partnershipId: string, postIds: string[]): Promise<number> {
  if (!postIds.length) return 0;
  const rows = await tx
    .delete(storedFile)
    .where(and(eq(storedFile.partnershipId, partnershipId), eq(storedFile.ownerType, POST_FILE_OWNER), inArray(storedFile.ownerId, postIds)))
    .returning({ id: storedFile.id });
  return rows.length;
}

export type AttachmentRead = { ok: true; upload: Upload | null } | { ok: false; error: "forum.attachment.too_large" | "forum.attachment.wrong_type" };

/**
 * A post form's optional file: none chosen is fine; one chosen must be of a type and size the
 * files store accepts (judged from its bytes, as everywhere in Filet).
 */
export async function readAttachment(form: FormData, field = "attachment"): Promise<AttachmentRead> {
  const read = await readUpload(form, field, anyDocument, MAX_UPLOAD_BYTES);
  if (read.ok) return { ok: true, upload: read.upload };
  if (read.error === "missing") return { ok: true, upload: null };
  return { ok: false, error: `forum.attachment.${read.error}` };
}
