import { data } from "react-router";
import type { z } from "zod";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { fieldErrors, type FieldErrorMap, type FormValues } from "./fields.ts";
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "./limits.ts";

/**
 * The one way an action reads what a request sent. Whatever arrives — a 500 MB body, JSON,
 * broken multipart, NUL bytes, a field repeated — ends as a 413/415/400 page or as field
 * errors on the re-rendered form, never as an exception deeper down (a 500).
 */
export interface ReadFormOptions {
  /** Fields that may repeat (checkbox groups, list rows). Any other field sent twice is refused. */
  arrays?: readonly string[];
  /** File fields: the body may then be multipart up to the upload limit. */
  files?: readonly string[];
  /** Body cap in bytes; defaults to the form limit, or the upload limit when files are declared. */
  maxBytes?: number;
}

/** Why a whole body was refused (the error page names it in the reader's language). */
export type BodyProblem = "too_large" | "unsupported_type" | "malformed";

/** What a thrown refusal carries: the error page reads it without the root loader's data. */
export interface BodyRefusal {
  problem: BodyProblem;
  locale: "fr" | "en";
}

const STATUS: Record<BodyProblem, number> = { too_large: 413, unsupported_type: 415, malformed: 400 };

function refuse(request: Request, problem: BodyProblem): never {
  throw data<BodyRefusal>({ problem, locale: resolveLocale(request) }, { status: STATUS[problem] });
}

export interface InvalidForm {
  errors: FieldErrorMap;
  values: FormValues;
  formError: string;
}

export type FormRead =
  | { ok: true; form: FormData; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrorMap; values: FormValues; reply: ReturnType<typeof invalidReply> };

/** 400 and the form again, with what was typed and one message per field. */
export function invalidReply(errors: FieldErrorMap, values: FormValues, formError = "form.errors") {
  return data<InvalidForm>({ errors, values, formError }, { status: 400 });
}

// Field names are ours (letters, digits, dots, brackets, dashes…): anything else, including
// "__proto__", is not a field of any form and is dropped.
const FIELD_NAME = /^[A-Za-z0-9_.:[\]-]{1,120}$/;
const FORBIDDEN_NAMES = new Set(["__proto__", "constructor", "prototype"]);
// PostgreSQL text cannot hold NUL; a lone surrogate is not text at all.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const BAD_CHARACTERS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const BAD_CHARACTERS_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as it can be shown again: refused characters become U+FFFD. */
export function printable(value: string): string {
  return value.replace(BAD_CHARACTERS_ALL, "\uFFFD");
}

export function hasBadCharacters(value: string): boolean {
  return BAD_CHARACTERS.test(value);
}

function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Reads at most `limit` bytes of the body; more is a 413 without reading the rest. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const announced = request.headers.get("content-length");
  if (announced !== null && (!/^\d+$/.test(announced) || Number(announced) > limit)) refuse(request, /^\d+$/.test(announced) ? "too_large" : "malformed");
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      refuse(request, "malformed");
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      refuse(request, "too_large");
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads and checks a form post. Throws the 413/415/400 page for a body no form of ours
 * sends; returns field errors (with the reply to send) for values no field accepts.
 */
export async function readForm(request: Request, options: ReadFormOptions = {}): Promise<FormRead> {
  const files = options.files ?? [];
  const limit = options.maxBytes ?? (files.length ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT);
  const mediaType = mediaTypeOf(request);
  if (mediaType !== "application/x-www-form-urlencoded" && mediaType !== "multipart/form-data") refuse(request, "unsupported_type");
  const bytes = await readCapped(request, limit);
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    refuse(request, "malformed");
  }
  const arrays = options.arrays ?? [];
  // An upload form's limit is for its files: its text fields stay within the form limit.
  if (files.length) {
    let text = 0;
    for (const [key, value] of form.entries()) if (typeof value === "string" && !files.includes(key)) text += key.length + value.length;
    if (text > FORM_BODY_LIMIT) refuse(request, "too_large");
  }
  const values: Record<string, string | string[]> = {};
  const errors: FieldErrorMap = {};
  const clean = new FormData();
  for (const key of new Set(form.keys())) {
    if (!FIELD_NAME.test(key) || FORBIDDEN_NAMES.has(key)) continue;
    const all = form.getAll(key);
    if (files.includes(key)) {
      for (const item of all) clean.append(key, item);
      continue;
    }
    const texts = all.map((v) => (typeof v === "string" ? v : null));
    if (texts.some((v) => v === null)) errors[key] = ["form.invalid"];
    const strings = texts.map((v) => v ?? "");
    if (strings.some(hasBadCharacters)) errors[key] = ["form.badCharacters"];
    if (!arrays.includes(key) && strings.length > 1) errors[key] = ["form.oneValue"];
    const shown = strings.map(printable);
    values[key] = arrays.includes(key) ? shown : (shown[0] ?? "");
    for (const s of shown) clean.append(key, s);
  }
  for (const key of arrays) values[key] ??= [];
  if (Object.keys(errors).length) return { ok: false, errors, values, reply: invalidReply(errors, values) };
  return { ok: true, form: clean, values };
}

export type ParsedForm<S extends z.ZodType> =
  | { ok: true; data: z.output<S>; form: FormData; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrorMap; values: FormValues; reply: ReturnType<typeof invalidReply> };

/** `readForm`, then the schema: the usual first two lines of an action. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, options: ReadFormOptions = {}): Promise<ParsedForm<S>> {
  const read = await readForm(request, options);
  if (!read.ok) return read;
  return parseValues(read, schema);
}

/** The schema over values already read (an action with several intents reads once). */
export function parseValues<S extends z.ZodType>(read: { form: FormData; values: Record<string, string | string[]> }, schema: S): ParsedForm<S> {
  const parsed = schema.safeParse(read.values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false, errors, values: read.values, reply: invalidReply(errors, read.values) };
  }
  return { ok: true, data: parsed.data, form: read.form, values: read.values };
}

/** 409: the record changed since the form was drawn; the page reloads the current version. */
export function conflictReply<T extends object>(extra?: T) {
  return data({ errors: {} as FieldErrorMap, formError: "form.conflict", ...(extra as T) }, { status: 409 });
}

/** 400 for a create form that came without its key (a page drawn before this release, or forged). */
export function expiredReply(values: FormValues) {
  return invalidReply({}, values, "form.expired");
}
