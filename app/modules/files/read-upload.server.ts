import { fileTypeFromBuffer } from "file-type";
import { documentMediaTypes, MAX_UPLOAD_BYTES, type DocumentMediaType } from "./file-types.ts";

export interface Upload {
  fileName: string;
  mediaType: DocumentMediaType;
  bytes: Uint8Array;
}

/** Why an upload was refused; routes turn it into a translated field error. */
export type UploadError = "missing" | "too_large" | "wrong_type";

export type UploadResult = { ok: true; upload: Upload } | { ok: false; error: UploadError };

/** The multipart body's overhead besides the file (other fields, boundaries). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Refuses a body that announces more than the limit before reading any of it, so a large
 * upload cannot fill the server's memory. A client lying about Content-Length is cut by the
 * byte count after parsing, and Node's parser stops at the announced length anyway.
 */
export function uploadTooLarge(request: Request, maxBytes = MAX_UPLOAD_BYTES): boolean {
  const announced = Number(request.headers.get("content-length") ?? "NaN");
  return Number.isFinite(announced) && announced > maxBytes + FORM_OVERHEAD_BYTES;
}

function cleanFileName(name: string, mediaType: DocumentMediaType): string {
  // Keep letters (accents included), digits, dots, dashes, spaces; never a path.
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .replace(/^\.+/, "")
    .slice(0, 120)
    .trim();
  const extension = documentMediaTypes[mediaType];
  const withoutExt = base.replace(/\.[^.]*$/, "") || "document";
  return `${withoutExt}.${extension}`;
}

/**
 * Reads one file field from already-parsed form data and checks it: present, not larger than
 * the limit, and of an accepted type judged from its bytes (the browser's declared type and the
 * file name are not trusted).
 */
export async function readUpload(
  form: FormData,
  field: string,
  accepted: readonly DocumentMediaType[],
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<UploadResult> {
  const value = form.get(field);
  if (!(value instanceof File) || value.size === 0) return { ok: false, error: "missing" };
  if (value.size > maxBytes) return { ok: false, error: "too_large" };
  const bytes = new Uint8Array(await value.arrayBuffer());
  if (bytes.byteLength > maxBytes) return { ok: false, error: "too_large" };
  const detected = await fileTypeFromBuffer(bytes);
  const mediaType = detected?.mime as DocumentMediaType | undefined;
  if (!mediaType || !accepted.includes(mediaType)) return { ok: false, error: "wrong_type" };
  return { ok: true, upload: { fileName: cleanFileName(value.name, mediaType), mediaType, bytes } };
}
