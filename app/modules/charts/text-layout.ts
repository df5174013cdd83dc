/**
 * Text size without a browser: linkedom measures nothing, so widths are estimated from the
 * number of characters, on the generous side, so a long French organization name is never cut.
 */
export const FONT_SIZE = 13;
export const LINE_HEIGHT = 15;
const CHAR_WIDTH = FONT_SIZE * 0.62;

export function textWidth(text: string): number {
  return Math.ceil(Array.from(text).length * CHAR_WIDTH);
}

/** The longest line of characters that fits in a width. */
export function charsIn(width: number): number {
  return Math.max(1, Math.floor(width / CHAR_WIDTH));
}

/** Breaks at spaces into lines of at most `max` characters; a longer word is split, never dropped. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = Array.from(word);
    while (rest.length > max) {
      if (line) lines.push(line);
      line = "";
      lines.push(rest.slice(0, max).join(""));
      rest = rest.slice(max);
    }
    const piece = rest.join("");
    if (!piece) continue;
    if (!line) line = piece;
    else if (Array.from(line).length + 1 + rest.length <= max) line = `${line} ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** A caller's size, kept within what a page can show (and a whole number, for stable output). */
export function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
