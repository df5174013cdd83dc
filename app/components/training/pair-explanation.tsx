import { useT } from "../../i18n/use-t.ts";
import type { SessionExplanation, TrainerLoad } from "../../modules/training/pair-explanation.ts";
import { trainerLabel, type TrainerOption } from "./training-ui.tsx";
import { TableScroll } from "../table-scroll.tsx";

/** Each trainer's sessions in the proposal against what they could give and their maximum. */
export function PairLoads({ loads, trainers }: { loads: TrainerLoad[]; trainers: TrainerOption[] }) {
  const { t } = useT();
  const byId = new Map(trainers.map((tr) => [tr.id, tr]));
  return (
    <section aria-labelledby="pair-loads">
      <h2 id="pair-loads">{t("training.pairs.loads.title")}</h2>
      <TableScroll label={t("training.pairs.loads.caption")}>
        <table>
          <caption>{t("training.pairs.loads.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.pool.name")}</th>
              <th scope="col">{t("training.pairs.loads.assigned")}</th>
              <th scope="col">{t("training.pairs.loads.eligible")}</th>
              <th scope="col">{t("training.pairs.loads.max")}</th>
            </tr>
          </thead>
          <tbody>
            {loads.map((l) => {
              const tr = byId.get(l.trainerId);
              return tr ? (
                <tr key={l.trainerId}>
                  <th scope="row">{trainerLabel(tr)}</th>
                  <td>{l.assigned}</td>
                  <td>{l.eligible}</td>
                  <td>{l.maxSessions}</td>
                </tr>
              ) : null;
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** Why these two for one session, and why not each of the others (grouped by reason). */
export function PairReasons({ explanation, trainers, language }: { explanation?: SessionExplanation; trainers: TrainerOption[]; language: string }) {
  const { t, locale } = useT();
  if (!explanation) return null;
  // "en anglais" mid-sentence in French; "in English" keeps its capital.
  const languageName = t(language === "en" ? "training.language.en" : "training.language.fr");
  const languageWord = locale === "fr" ? languageName.toLowerCase() : languageName;
  const byId = new Map(trainers.map((tr) => [tr.id, tr]));
  const names = (ids: string[]) => ids.flatMap((id) => (byId.get(id) ? [trainerLabel(byId.get(id)!)] : [])).join(", ");
  return (
    <details className="pair-reasons">
      <summary>{t("training.pairs.why.title")}</summary>
      <ul>
        {explanation.chosen.map((c) => (
          <li key={c.trainerId}>{t("training.pairs.chosen", { name: names([c.trainerId]), count: c.assigned, max: c.maxSessions })}</li>
        ))}
        {explanation.leftOut.map((g) => (
          <li key={g.reason} className="muted">
            {t(`training.pairs.leftOut.${g.reason}`, { names: names(g.trainerIds), language: languageWord })}
          </li>
        ))}
      </ul>
    </details>
  );
}
