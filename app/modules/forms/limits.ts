// Plain data shared by the Express body cap (server/) and the form reader (routes).
import { MAX_UPLOAD_BYTES } from "../files/file-types.ts";

/** A form post: the longest text any form takes is far below this. */
export const FORM_BODY_LIMIT = 1024 * 1024;

/** An upload form: the file limit plus the multipart overhead (other fields, boundaries). */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

/** Routes whose forms carry a file (matched on the path, before React Router runs). */
export const UPLOAD_PATHS: readonly RegExp[] = [
  /^\/meetings\/(?!new$)[^/]+$/,
  /^\/funding\/(?!new$)[^/]+$/,
  /^\/partners\/commitments\/(new|[^/]+)$/,
  /^\/training\/sessions\/[^/]+\/space$/,
  /^\/evaluation\/reports\/[^/]+$/,
  // A new thread or a reply may carry an attachment.
  /^\/network\/(spaces\/(?!new$)|threads\/)[^/]+$/,
];

export function bodyLimitFor(pathname: string): number {
  return UPLOAD_PATHS.some((p) => p.test(pathname)) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}
