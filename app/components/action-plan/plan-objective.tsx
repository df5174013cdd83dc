import { Link } from "react-router";
import { useT, useDay } from "../../i18n/use-t.ts";
import { ActionStatusBadge, DeleteLink, orgLabel, Progress } from "./plan-ui.tsx";
import { SubjectDiscussion, type SubjectTalk } from "../forum/subject-discussion.tsx";
import { TableScroll } from "../table-scroll.tsx";

type Organization = Parameters<typeof orgLabel>[1] & { id: string };
interface Objective {
  id: string;
  title: string;
  description: string;
  actions: {
    id: string;
    title: string;
    description: string;
    organizationIds: string[];
    startsOn: string | null;
    endsOn: string | null;
    status: Parameters<typeof ActionStatusBadge>[0]["status"];
    progress: number;
  }[];
  indicators: { id: string; label: string; unit: string; target: number | string; actual: number | string | null; indicatorCode?: string | null }[];
}

/** One objective of the year's plan: its actions and indicators, with the coordinator's edit and delete links. */
export function PlanObjective({
  o,
  index,
  here,
  canEdit,
  orgs,
  deleteTo,
  today,
  live,
  talk = null,
}: {
  talk?: SubjectTalk | null;
  o: Objective;
  index: number;
  here: string;
  canEdit: boolean;
  orgs: Map<string, Organization>;
  deleteTo: (kind: "objective" | "action" | "indicator", id: string) => string;
  /** Québec's day, from the loader: actions past their end date are flagged. */
  today: string;
  /** Live values of the indicators bound to the registry, by code (protected unless the reader is the coordinator). */
  live?: Record<string, { value: string; target: number | null }>;
}) {
  const { t, locale } = useT();
  const day = useDay();
  return (
    <section key={o.id} id={`item-${o.id}`} className="objective" aria-labelledby={`objective-${o.id}`}>
      <h2 id={`objective-${o.id}`}>
        {t("actionPlan.objectiveNumber", { n: index + 1 })} {o.title}
      </h2>
      {o.description ? <p>{o.description}</p> : null}
      {canEdit ? (
        <p className="actions">
          <Link to={`${here}?edit=objective:${o.id}#edit-heading`}>{t("actionPlan.objective.edit")}</Link>
          <Link to={`${here}?edit=action&objective=${o.id}#edit-heading`}>{t("actionPlan.action.add")}</Link>
          <Link to={`${here}?edit=indicator&objective=${o.id}#edit-heading`}>{t("actionPlan.indicator.add")}</Link>
          <DeleteLink to={deleteTo("objective", o.id)} name={o.title} label={t("actionPlan.objective.delete")} />
        </p>
      ) : null}
      <h3>{t("actionPlan.actions")}</h3>
      {o.actions.length === 0 ? (
        <p className="muted">{t("actionPlan.action.none")}</p>
      ) : (
        <TableScroll label={t("actionPlan.actionsOf", { objective: o.title })}>
          <table>
            <caption className="visually-hidden">{t("actionPlan.actionsOf", { objective: o.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actionPlan.action.title")}</th>
                <th scope="col">{t("actionPlan.action.organizations")}</th>
                <th scope="col">{t("actionPlan.action.dates")}</th>
                <th scope="col">{t("actionPlan.action.status")}</th>
                <th scope="col">{t("actionPlan.action.progress")}</th>
                {canEdit ? <th scope="col">{t("actionPlan.manage")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {o.actions.map((a) => (
                <tr key={a.id} id={`item-${a.id}`}>
                  <th scope="row">
                    {a.title}
                    {a.description ? <span className="muted block">{a.description}</span> : null}
                    <span className="block">
                      {/* A link to the page that opens it, not a form per action: the plan is near its weight ceiling. */}
                      <SubjectDiscussion talk={talk} type="action_plan_action" id={a.id} asLink />
                    </span>
                  </th>
                  <td>
                    {a.organizationIds
                      .map((id) => orgs.get(id))
                      .filter((x) => !!x)
                      .map((x) => orgLabel(locale, x))
                      .join(", ") || "—"}
                  </td>
                  <td>{a.startsOn || a.endsOn ? `${day(a.startsOn) || "…"} – ${day(a.endsOn) || "…"}` : "—"}</td>
                  <td>
                    <ActionStatusBadge status={a.status} endsOn={a.endsOn} today={today} />
                  </td>
                  <td>
                    <Progress value={a.progress} />
                  </td>
                  {canEdit ? (
                    <td>
                      <Link to={`${here}?edit=action:${a.id}#edit-heading`} aria-label={t("actionPlan.editNamed", { name: a.title })}>
                        {t("actionPlan.edit")}
                      </Link>
                      <DeleteLink to={deleteTo("action", a.id)} name={a.title} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>{t("actionPlan.indicators")}</h3>
      {o.indicators.length === 0 ? (
        <p className="muted">{t("actionPlan.indicator.none")}</p>
      ) : (
        <TableScroll label={t("actionPlan.indicatorsOf", { objective: o.title })}>
          <table>
            <caption className="visually-hidden">{t("actionPlan.indicatorsOf", { objective: o.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actionPlan.indicator.label")}</th>
                <th scope="col">{t("actionPlan.indicator.target")}</th>
                <th scope="col">{t("actionPlan.indicator.actual")}</th>
                {canEdit ? <th scope="col">{t("actionPlan.manage")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {o.indicators.map((i) => (
                <tr key={i.id} id={`item-${i.id}`}>
                  <th scope="row">{i.label}</th>
                  <td>
                    {i.indicatorCode && live?.[i.indicatorCode]?.target != null ? live[i.indicatorCode]!.target : i.target} {i.unit}
                  </td>
                  <td>
                    {i.indicatorCode && live?.[i.indicatorCode] ? (
                      t("actionPlan.indicator.live", { value: live[i.indicatorCode]!.value })
                    ) : i.actual === null ? (
                      t("actionPlan.indicator.notMeasured")
                    ) : (
                      `${i.actual} ${i.unit}`
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      <Link to={`${here}?edit=indicator:${i.id}#edit-heading`} aria-label={t("actionPlan.editNamed", { name: i.label })}>
                        {t("actionPlan.edit")}
                      </Link>
                      <DeleteLink to={deleteTo("indicator", i.id)} name={i.label} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
