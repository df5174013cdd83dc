/**
 * A deliberately small Markdown subset for Table-edited texts: paragraphs, **bold**, *italic*,
 * "- " / "1. " lists, "## " headings, pipe tables and [links](https://…), parsed into plain
 * blocks. Links are kept only for http(s):, tel: and mailto: — a "javascript:" link becomes
 * plain text. Hand-written rather than react-markdown: the subset is ~150 lines, has no
 * dependency to keep patched, and lets tables get the row/column headers WCAG asks for.
 * Plain code, no React: the pages (app/components/rich-text.tsx) and the PDFs render these blocks.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] }
  | { kind: "break" };

export type Block =
  | { kind: "heading"; depth: 1 | 2; children: Inline[] }
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "table"; header: Inline[][]; rows: Inline[][][] };

const SAFE_PROTOCOLS = new Set(["http:", "https:", "tel:", "mailto:"]);

/** The URL when it is one we let people follow; null otherwise (the link shows as text). */
export function safeHref(raw: string): string | null {
  const value = raw.trim();
  // A scheme is required: relative or protocol-relative targets are not part of the subset.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
    if ((url.protocol === "http:" || url.protocol === "https:") && !url.hostname) return null;
    return url.protocol === "tel:" || url.protocol === "mailto:" ? value : url.toString();
  } catch {
    return null;
  }
}

const INLINE = /\*\*(.+?)\*\*|\*(?=\S)(.+?)\*|\[([^\]\n]+)\]\(([^)\s]+)\)/s;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  while (rest.length) {
    const m = INLINE.exec(rest);
    if (!m) {
      pushText(out, rest);
      break;
    }
    if (m.index > 0) pushText(out, rest.slice(0, m.index));
    if (m[1] !== undefined) out.push({ kind: "strong", children: parseInline(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: "em", children: parseInline(m[2]) });
    else {
      const href = safeHref(m[4] ?? "");
      const children = parseInline(m[3] ?? "");
      if (href) out.push({ kind: "link", href, children });
      else out.push(...children);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

function pushText(out: Inline[], text: string) {
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: "break" });
    if (line) out.push({ kind: "text", text: line });
  });
}

const LIST_ITEM = /^\s*(?:([-*•])|(\d{1,3})[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split("|").map((c) => c.trim());
}

export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split("\n").filter((l) => l.trim() !== "");
    if (!lines.length) continue;
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", children: parseInline(paragraph.join("\n")) });
      paragraph = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const heading = /^(#{1,3})\s+(.*)$/.exec(line.trim());
      if (heading) {
        flush();
        blocks.push({ kind: "heading", depth: heading[1]!.length === 3 ? 2 : 1, children: parseInline(heading[2]!) });
        continue;
      }
      if (line.trim().startsWith("|") && TABLE_SEPARATOR.test(lines[i + 1] ?? "")) {
        flush();
        const header = cells(line).map(parseInline);
        const rows: Inline[][][] = [];
        i += 2;
        while (i < lines.length && lines[i]!.trim().startsWith("|")) rows.push(cells(lines[i++]!).map(parseInline));
        i--;
        blocks.push({ kind: "table", header, rows });
        continue;
      }
      const item = LIST_ITEM.exec(line);
      if (item) {
        flush();
        const ordered = item[2] !== undefined;
        const last = blocks[blocks.length - 1];
        const entry = parseInline(item[3]!);
        if (last?.kind === "list" && last.ordered === ordered && i > 0 && LIST_ITEM.test(lines[i - 1]!)) last.items.push(entry);
        else blocks.push({ kind: "list", ordered, items: [entry] });
        continue;
      }
      paragraph.push(line.trim());
    }
    flush();
  }
  return blocks;
}
