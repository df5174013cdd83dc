import type { ReactNode } from "react";
import { Form } from "react-router";
import type { DiffLine } from "../modules/pathway/diff-lines.ts";
import { LineDiff } from "./line-diff.tsx";

export interface ComparedText {
  /** Unique on the page: the text's part and language. */
  id: string;
  /** The section heading, e.g. "Summary (French)". */
  label: string;
  language: string;
  changed: boolean;
  lines: readonly DiffLine[];
}

interface VersionCompareProps {
  heading: string;
  /** The links under the heading (each version, the history). */
  links: ReactNode;
  texts: readonly ComparedText[];
  noChanges: string;
  legend: string;
  addedLabel: string;
  removedLabel: string;
}

/** Two versions of a text (a guide section, the pathway): one line diff per changed part and language. */
export function VersionCompare({ heading, links, texts, noChanges, legend, addedLabel, removedLabel }: VersionCompareProps) {
  const changed = texts.filter((x) => x.changed);
  return (
    <>
      <h1>{heading}</h1>
      <p>{links}</p>
      {changed.length === 0 ? <p className="alert">{noChanges}</p> : <p className="muted">{legend}</p>}
      {changed.map((text) => (
        <section key={text.id} aria-label={text.label}>
          <h2>{text.label}</h2>
          <LineDiff lines={text.lines} language={text.language} addedLabel={addedLabel} removedLabel={removedLabel} />
        </section>
      ))}
    </>
  );
}

interface VersionPickerProps {
  /** The compare page; the form sends ?from=&to= to it. */
  action: string;
  heading: string;
  fromLabel: string;
  toLabel: string;
  submitLabel: string;
  options: readonly { id: string; label: string }[];
  defaultFrom?: string;
  defaultTo?: string;
}

/** The history page's form that opens the comparison of two versions (a GET, so it works without JavaScript). */
export function VersionPicker({ action, heading, fromLabel, toLabel, submitLabel, options, defaultFrom, defaultTo }: VersionPickerProps) {
  const selects = [
    { name: "from", label: fromLabel, value: defaultFrom },
    { name: "to", label: toLabel, value: defaultTo },
  ];
  return (
    <>
      <h2 id="compare-heading">{heading}</h2>
      <Form method="get" action={action} className="actions" aria-labelledby="compare-heading">
        {selects.map((s) => (
          <div className="field" key={s.name}>
            <label htmlFor={`compare-${s.name}`}>{s.label}</label>
            <select id={`compare-${s.name}`} name={s.name} defaultValue={s.value}>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="secondary">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
