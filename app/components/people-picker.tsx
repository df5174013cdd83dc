import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useT } from "../i18n/use-t.ts";
import { pickerParam } from "../modules/people/picker-query.ts";
import { translateMessage, type FieldErrors } from "./form.tsx";

export interface PickerChoice {
  id: string;
  name: string;
  organization: string | null;
  /** Programs the person is already certified in (the nomination picker). */
  trainedIn?: string[];
}

/** What the page's own search (without JavaScript) found for this picker. */
export interface PickerSearch {
  q: string;
  people: PickerChoice[];
  more: boolean;
}

interface Props {
  /** The posted field; its value is `valuePrefix` + the person's id. */
  name: string;
  label: string;
  /** Which search of /api/people serves it (the page's permission and scope). */
  purpose: "responsibility" | "designation" | "nomination";
  /** Narrows the search to one organization (the page's scope). */
  organization?: string | null;
  valuePrefix?: string;
  /** The value already chosen: shown by name when editing. */
  current?: PickerChoice | null;
  search?: PickerSearch | null;
  errors?: FieldErrors | null;
  idPrefix?: string;
  required?: boolean;
  /** Told when a person is chosen with JavaScript (e.g. to switch an owner kind). */
  onPick?: (choice: PickerChoice) => void;
}

const noSubscribe = () => () => {};

/**
 * The one people picker. Drawn on the server (and without JavaScript) as a search field whose
 * button reloads the page by GET with the words, then at most 20 radio choices; once the
 * browser runs the page's script it becomes a WAI-ARIA combobox over /api/people.
 */
export function PeoplePicker(props: Props) {
  const enhanced = useSyncExternalStore(noSubscribe, () => true, () => false);
  return enhanced ? <Combobox {...props} /> : <SearchAndChoose {...props} />;
}

function ChoiceText({ choice }: { choice: PickerChoice }) {
  const { t } = useT();
  return (
    <>
      {choice.name}
      {choice.organization ? <span className="muted"> ({choice.organization})</span> : null}
      {choice.trainedIn?.length ? <span className="badge"> {t("picker.trained", { programs: choice.trainedIn.join(", ") })}</span> : null}
    </>
  );
}

function useErrorText(props: Props) {
  const { t } = useT();
  return (props.errors?.[props.name] ?? []).map((e) => translateMessage(t, e)).join(" ");
}

function SearchAndChoose(props: Props) {
  const { t } = useT();
  const { name, label, search, current, valuePrefix = "", idPrefix = "field-", required } = props;
  const id = `${idPrefix}${name}`;
  const errorText = useErrorText(props);
  const choices = [...(current ? [current] : []), ...(search?.people ?? []).filter((p) => p.id !== current?.id)];
  const describedBy = [`${id}-hint`, errorText ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="picker" id={id} aria-describedby={describedBy}>
      <legend>{label}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t("picker.hint")}
      </p>
      <div className="picker-search">
        <label htmlFor={`${id}-search`}>{t("picker.search")}</label>
        <input type="search" id={`${id}-search`} name={pickerParam(name)} defaultValue={search?.q ?? ""} />
        {/* A GET of the same form: the page comes back with the words and the other fields' values, at this picker. */}
        <button type="submit" className="secondary" formMethod="get" formAction={`#${id}`} formNoValidate>
          {t("picker.searchButton")}
        </button>
      </div>
      {choices.length ? (
        <ul className="picker-choices">
          {choices.map((c) => (
            <li className="checkbox" key={c.id}>
              <input type="radio" id={`${id}-${c.id}`} name={name} value={`${valuePrefix}${c.id}`} defaultChecked={c.id === current?.id} required={required} />
              <label htmlFor={`${id}-${c.id}`}>
                <ChoiceText choice={c} />
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {search && search.q.trim().length >= 2 && search.people.length === 0 ? <p>{t("picker.noneFound", { q: search.q })}</p> : null}
      {search?.more ? <p className="muted">{t("picker.more")}</p> : null}
      {errorText ? (
        <p className="error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </fieldset>
  );
}

type Found = { people: PickerChoice[]; more: boolean };

function Combobox(props: Props) {
  const { t } = useT();
  const { name, label, current, valuePrefix = "", idPrefix = "field-", required, purpose, organization, onPick } = props;
  const id = `${idPrefix}${name}`;
  const listId = `${id}-list`;
  const errorText = useErrorText(props);
  const [picked, setPicked] = useState<PickerChoice | null>(current ?? null);
  const [text, setText] = useState(current?.name ?? "");
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ for: purpose, q: query });
      if (organization) params.set("organization", organization);
      setLoading(true);
      fetch(`/api/people?${params}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<Found>) : { people: [], more: false }))
        .then((body) => {
          setFound(body);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, purpose, organization]);

  const options = query.trim().length >= 2 ? (found?.people ?? []) : [];
  const choose = (c: PickerChoice) => {
    setPicked(c);
    setText(c.name);
    setOpen(false);
    setActive(-1);
    onPick?.(c);
    input.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      // Enter picks the highlighted person; it does not send the form.
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const status = query.trim().length < 2 ? "" : loading ? t("picker.loading") : found ? `${t("picker.found", { count: found.people.length })}${found.more ? ` ${t("picker.more")}` : ""}` : "";
  const describedBy = [`${id}-hint`, `${id}-status`, errorText ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {t("picker.hint")}
      </p>
      <div className="picker-combo">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={errorText ? true : undefined}
          autoComplete="off"
          required={required}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setQuery(e.target.value);
            setPicked(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <input type="hidden" name={name} value={picked ? `${valuePrefix}${picked.id}` : ""} />
        <ul role="listbox" id={listId} aria-label={label} hidden={!(open && options.length > 0)}>
          {options.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // Keeps the focus in the field: the list closes on blur.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
            >
              <ChoiceText choice={c} />
            </li>
          ))}
        </ul>
      </div>
      <p className="muted picker-status" id={`${id}-status`} aria-live="polite">
        {status}
      </p>
      {errorText ? (
        <p className="error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
    </div>
  );
}
