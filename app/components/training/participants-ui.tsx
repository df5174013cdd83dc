import { Form, Link } from "react-router";
import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import type { SessionMix } from "../../modules/training/mix-rules.ts";
import type { RegistrationStatus, WaitReason } from "../../modules/training/vocabulary.ts";
import { TableScroll } from "../table-scroll.tsx";

export interface ParticipantView {
  registrationId: string;
  personId: string;
  name: string;
  organizationName: string;
  organizationNameEn: string;
  status: RegistrationStatus;
  waitReason: WaitReason | null;
  nominated: boolean;
  completed: boolean;
}

/** The session's mix: per organization and per milieu (counts and %), warnings under the Table's minimums. */
export function MixSummary({ mix, cap, rules }: { mix: SessionMix; cap: number; rules: { minOrganizations: number; minMilieux: number; maxOrganizationSharePercent: number } }) {
  const { t } = useT();
  const milieuLabel = (key: string) => (key === "none" ? t("training.mix.noOrganization") : t(`orgType.${key}` as MessageKey));
  return (
    <section aria-labelledby="mix-title">
      <h2 id="mix-title">{t("training.mix.title")}</h2>
      <p>{t("training.mix.rule", { percent: rules.maxOrganizationSharePercent, cap })}</p>
      {mix.tooFewOrganizations ? <p className="alert warning">{t("training.mix.tooFewOrganizations", { count: rules.minOrganizations })}</p> : null}
      {mix.tooFewMilieux ? <p className="alert warning">{t("training.mix.tooFewMilieux", { count: rules.minMilieux })}</p> : null}
      {mix.overCap.length > 0 ? <p className="alert warning">{t("training.mix.overCap", { organizations: mix.overCap.join(", ") })}</p> : null}
      {mix.total === 0 ? (
        <p>{t("training.mix.empty")}</p>
      ) : (
        <div className="mix-tables">
          {(
            [
              ["training.mix.byOrganization", mix.organizations, (l: { key: string; label: string }) => (l.key === "none" ? t("training.mix.noOrganization") : l.label)],
              ["training.mix.byMilieu", mix.milieux, (l: { key: string }) => milieuLabel(l.key)],
            ] as const
          ).map(([caption, rows, label]) => (
            <TableScroll label={t(caption)}>
              <table key={caption}>
                <caption>{t(caption)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(caption === "training.mix.byMilieu" ? "training.mix.milieu" : "training.pool.organization")}</th>
                    <th scope="col">{t("training.mix.count")}</th>
                    <th scope="col">{t("training.mix.percent")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((l) => (
                    <tr key={l.key}>
                      <th scope="row">{label(l)}</th>
                      <td>{l.count}</td>
                      <td>{l.percent} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
        </div>
      )}
    </section>
  );
}

/** The coordinator's list of participants and waiting list, with cancel buttons and an add form. */
export function ParticipantsSection({
  sessionId,
  participants,
  search,
  closesDays,
  tableClosesDays,
  closesOn,
  canRegister,
  version,
  errors,
  formError,
}: {
  sessionId: string;
  participants: ParticipantView[];
  search: PeopleSearch;
  closesDays: number | null;
  tableClosesDays: number;
  closesOn: string;
  canRegister: boolean;
  /** The session's version: the closing form is an edit of the session. */
  version: number;
  /** What the server answered to one of this block's forms (a refused value, a stale closing). */
  errors?: FieldErrors | null;
  formError?: string | null;
}) {
  const { t, locale } = useT();
  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title">{t("training.participants.title", { count: participants.filter((p) => p.status === "registered").length })}</h2>
      <ErrorSummary errors={errors} formError={formError} />
      <p>
        <Link to={`/training/sessions/${sessionId}/attendance`}>{t("training.attendance.open")}</Link>
      </p>
      {participants.length === 0 ? (
        <p>{t("training.participants.none")}</p>
      ) : (
        // One form for the table, each cancel button posting its person: a form per row repeated the
        // action URL and the intent, 8 KB for a session of 16 (issue 10). Without JavaScript too, the
        // button pressed sends its name and value.
        <Form method="post">
          <input type="hidden" name="intent" value="cancelParticipant" />
          <TableScroll label={t("training.participants.caption")}>
            <table>
              <caption>{t("training.participants.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.pool.name")}</th>
                  <th scope="col">{t("training.pool.organization")}</th>
                  <th scope="col">{t("training.sessions.status")}</th>
                  <th scope="col">{t("training.participants.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.registrationId}>
                    <th scope="row">{p.name}</th>
                    <td>{(locale === "en" ? p.organizationNameEn : p.organizationName) || "—"}</td>
                    <td>
                      {t(`training.participants.status.${p.status}`)}
                      {p.waitReason ? ` — ${t(`training.register.reason.${p.waitReason}`)}` : null}
                      {p.nominated ? ` — ${t("training.participants.nominated")}` : null}
                      {p.completed ? ` — ${t("training.participants.completed")}` : null}
                    </td>
                    <td>
                      <button type="submit" name="personId" value={p.personId} className="button secondary">
                        {t("training.participants.cancelFor", { name: p.name })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Form>
      )}
      {canRegister ? (
        <AddPersonSearch sessionId={sessionId} search={search} />
      ) : (
        <p>{t("training.participants.notOpen")}</p>
      )}
      {/* Keyed by the session's version: after a 409 the field shows the current value. */}
      <Form method="post" className="stack" key={version}>
        <input type="hidden" name="intent" value="closing" />
        <input type="hidden" name="version" value={version} />
        <Field
          name="registrationClosesDays"
          label={t("training.participants.closing")}
          hint={t("training.participants.closingHint", { days: tableClosesDays, date: closesOn })}
          type="number"
          inputMode="numeric"
          defaultValue={closesDays ?? ""}
          errors={errors}
        />
        <div className="actions">
          <button type="submit" className="button secondary">
            {t("training.participants.closingSave")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export interface PeopleSearch {
  q: string;
  people: { id: string; label: string }[];
  more: boolean;
}

/**
 * "Add a person": a GET search (name or organization) that works without JavaScript, then one
 * button per person found. The search lands back on this block (#add-person).
 */
function AddPersonSearch({ sessionId, search }: { sessionId: string; search: PeopleSearch }) {
  const { t } = useT();
  const { q, people, more } = search;
  return (
    <section id="add-person" aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t("training.participants.add")}</h3>
      <p className="hint">{t("training.participants.addHint")}</p>
      <Form method="get" action={`/training/sessions/${sessionId}#add-person`} role="search" className="stack" aria-label={t("training.participants.searchLabel")} preventScrollReset>
        <div className="field">
          <label htmlFor="person-q">{t("training.participants.searchLabel")}</label>
          <p className="hint" id="person-q-hint">
            {t("training.participants.searchHint")}
          </p>
          <input id="person-q" name="q" type="search" defaultValue={q} aria-describedby="person-q-hint" maxLength={100} />
        </div>
        <p className="actions">
          <button type="submit" className="button secondary">
            {t("training.participants.searchSubmit")}
          </button>
        </p>
      </Form>
      {q ? (
        <div role="status">
          {q.length < 2 ? (
            <p>{t("training.participants.searchTooShort")}</p>
          ) : people.length === 0 ? (
            <p>{t("training.participants.searchNone", { q })}</p>
          ) : (
            <>
              <p>{more ? t("training.participants.searchMore", { count: people.length }) : t("training.participants.searchFound", { count: people.length })}</p>
              <ul className="people-found">
                {people.map((p) => (
                  <li key={p.id}>
                    <Form method="post" className="inline-form">
                      <SubmissionKey />
                      <input type="hidden" name="intent" value="addParticipant" />
                      <input type="hidden" name="personId" value={p.id} />
                      <span>{p.label}</span>{" "}
                      <button type="submit" className="small" aria-label={t("training.participants.addNamed", { name: p.label })}>
                        {t("training.participants.addSubmit")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
