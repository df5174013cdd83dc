import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The PDFs' typeface: Source Sans 3 (Adobe, SIL Open Font License), embedded and subset by
 * pdfkit. Read from an npm package so its files ship with the app on every machine (a system
 * font package would not be there at run time). This package because it ships whole TrueType
 * files: Fontsource's files are split by script and their Latin file lacks U+202F, the narrow
 * no-break space French puts before « ; ? ! », and Ÿ; Source Sans 3 has every French glyph.
 */
const require = createRequire(import.meta.url);
const file = (weight: string) => require.resolve(`@expo-google-fonts/source-sans-3/${weight}/SourceSans3_${weight}.ttf`);

export const PDF_FONTS = {
  regular: file("400Regular"),
  italic: file("400Regular_Italic"),
  semibold: file("600SemiBold"),
  bold: file("700Bold"),
} as const;

export const PDF_COLORS = { ink: "#1a1a1a", brand: "#0b5394", muted: "#555555", rule: "#b8c4d0", header: "#e4ecf5", zebra: "#f4f6f9" } as const;

export type PdfFont = keyof typeof PDF_FONTS;

let files: Array<[string, Buffer]> | null = null;

/** Registers the four faces under their names ("regular", "italic", "semibold", "bold"). */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  // Read once per process: each document parses and subsets them anyway.
  files ??= Object.entries(PDF_FONTS).map(([name, path]) => [name, readFileSync(path)]);
  for (const [name, bytes] of files) doc.registerFont(name, bytes);
  doc.font("regular");
}
