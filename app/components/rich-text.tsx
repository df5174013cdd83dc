import { Fragment, type ReactNode } from "react";
import { parseRichText, type Inline } from "../modules/rich-text/parse-rich-text.ts";

/**
 * The Markdown subset of app/modules/rich-text/parse-rich-text.ts, rendered as React elements
 * only (never dangerouslySetInnerHTML): any HTML typed in a text shows as text.
 */

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "break":
        return <br key={i} />;
      case "strong":
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case "em":
        return <em key={i}>{renderInline(node.children)}</em>;
      case "link": {
        const external = node.href.startsWith("http");
        return (
          <a key={i} href={node.href} {...(external ? { rel: "noopener noreferrer" } : {})}>
            {renderInline(node.children)}
          </a>
        );
      }
    }
  });
}

interface RichTextProps {
  source: string;
  /** Level of "#"/"##" headings inside the text ("###" is one below): keeps the page outline right. */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Accessible name of tables in the text (e.g. the step title). */
  tableLabel?: string;
}

export function RichText({ source, headingLevel = 3, tableLabel }: RichTextProps) {
  const blocks = parseRichText(source);
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case "heading": {
            const level = Math.min(6, headingLevel + block.depth - 1);
            const Tag = `h${level}` as "h3";
            return <Tag key={i}>{renderInline(block.children)}</Tag>;
          }
          case "paragraph":
            return <p key={i}>{renderInline(block.children)}</p>;
          case "list": {
            const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case "table":
            return (
              <div key={i} className="table-scroll">
                <table aria-label={tableLabel}>
                  <thead>
                    <tr>
                      {block.header.map((cell, j) => (
                        <th key={j} scope="col">
                          {renderInline(cell)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, r) => (
                      <tr key={r}>
                        {block.header.map((_, j) =>
                          j === 0 ? (
                            <th key={j} scope="row">
                              {renderInline(row[j] ?? [])}
                            </th>
                          ) : (
                            <td key={j}>{renderInline(row[j] ?? [])}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </>
  );
}
