import { useDay, useT } from "../../i18n/use-t.ts";
import type { SessionStatus } from "../../modules/training/vocabulary.ts";
import { StatusBadge, trainerLabel, type TrainerOption } from "./training-ui.tsx";

interface Props {
  session: { status: SessionStatus; dates: string[]; place: string; online: boolean; language: "fr" | "en"; capacity: number };
  program: { nameFr: string; nameEn: string } | undefined;
  trainers: TrainerOption[];
  observer: string | null;
  registered: number;
}

/** What the session is, read at a glance before any form: the coordinator's page opens on it. */
export function SessionSummary({ session, program, trainers, observer, registered }: Props) {
  const { t, locale } = useT();
  const day = useDay();
  return (
    <dl className="summary">
      <dt>{t("training.form.status")}</dt>
      <dd>
        <StatusBadge status={session.status} />
      </dd>
      <dt>{t("training.session.dates")}</dt>
      <dd>{session.dates.map((d) => day(d)).join(" · ")}</dd>
      {program ? (
        <>
          <dt>{t("training.form.program")}</dt>
          <dd>{locale === "en" ? program.nameEn || program.nameFr : program.nameFr}</dd>
        </>
      ) : null}
      <dt>{t("training.form.place")}</dt>
      <dd>{[session.place, session.online ? t("training.form.online") : ""].filter(Boolean).join(" · ") || "—"}</dd>
      <dt>{t("training.form.language")}</dt>
      <dd>{t(`training.language.${session.language}`)}</dd>
      <dt>{t("training.form.capacity")}</dt>
      <dd>{t("training.session.seats", { registered, capacity: session.capacity })}</dd>
      <dt>{t("training.session.trainers")}</dt>
      <dd>{trainers.length ? trainers.map(trainerLabel).join(", ") : t("training.session.noTrainers")}</dd>
      <dt>{t("training.form.observer")}</dt>
      <dd>{observer ?? "—"}</dd>
    </dl>
  );
}
