import { parseRichText } from "../rich-text/parse-rich-text.ts";
import { plainInlineText, type HeadingLevel, type PdfWriter } from "./pdf-document.server.ts";

/**
 * The Table's light markup (guide sections, minutes) as PDF blocks: headings, paragraphs with
 * their bold, italic and links, lists, and pipe tables drawn as tables. `depth` is the heading
 * level the markup's "## " maps to, under the heading of the part it belongs to.
 */
export function writeRichText(w: PdfWriter, source: string, depth: HeadingLevel = 3): void {
  for (const block of parseRichText(source)) {
    if (block.kind === "heading") w.heading(plainInlineText(block.children), block.depth === 1 ? depth : (Math.min(depth + 1, 4) as HeadingLevel));
    else if (block.kind === "paragraph") w.paragraph(w.runsOf(block.children));
    else if (block.kind === "list") w.bullets(block.items.map((item) => w.runsOf(item)), block.ordered);
    else w.table(block.header.map((h) => ({ header: plainInlineText(h) })), block.rows.map((r) => r.map(plainInlineText)));
  }
}
