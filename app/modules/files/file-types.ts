// Plain data (no ORM, no Node API) so forms may show what is accepted.

/** Document kinds Filet accepts, by the media type detected from the file's bytes. */
export const documentMediaTypes = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
} as const;
export type DocumentMediaType = keyof typeof documentMediaTypes;

export const pdfOnly: readonly DocumentMediaType[] = ["application/pdf"];
export const anyDocument = Object.keys(documentMediaTypes) as DocumentMediaType[];

/** 10 MB: a scanned signed agreement fits; anything larger is refused before it is read. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The `accept` attribute for a file input. */
export function acceptAttribute(types: readonly DocumentMediaType[]): string {
  return types.flatMap((t) => [t, `.${documentMediaTypes[t]}`]).join(",");
}
