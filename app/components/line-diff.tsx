import type { DiffLine } from "../modules/pathway/diff-lines.ts";

/**
 * A line diff as people read it: additions and removals marked by <ins>/<del> with a spoken
 * label (colour alone would not do), unchanged lines as they are.
 */
export function LineDiff({
  lines,
  language,
  addedLabel,
  removedLabel,
}: {
  lines: readonly DiffLine[];
  language: string;
  addedLabel: string;
  removedLabel: string;
}) {
  return (
    <pre className="diff" lang={language}>
      {lines.map((line, i) =>
        line.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">{addedLabel} </span>+ {line.text}
            {"\n"}
          </ins>
        ) : line.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">{removedLabel} </span>− {line.text}
            {"\n"}
          </del>
        ) : (
          <span key={i}>
            {"  "}
            {line.text}
            {"\n"}
          </span>
        ),
      )}
    </pre>
  );
}
