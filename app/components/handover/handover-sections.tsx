import { Form } from "react-router";
import { useFormatters, useT, useDay } from "../../i18n/use-t.ts";
import { handoverItemKinds, type HandoverItem } from "../../modules/handover/vocabulary.ts";
import { TableScroll } from "../table-scroll.tsx";

/** The open handover's checklist: one box per item of the live data, saved (or refreshed) in one form. */
export function HandoverChecklist({ open, version }: { open: { id: string; items: HandoverItem[] }; version: number | null }) {
  const { t } = useT();
  const day = useDay();
  return (
    <>
      {/* Keyed by version: after a 409 the boxes show the current ticks. */}
      <Form method="post" className="stack wide" key={version ?? 0}>
        <input type="hidden" name="handoverId" value={open.id} />
        <input type="hidden" name="version" value={version ?? ""} />
        {handoverItemKinds.map((kind) => {
          const items = open.items.filter((i) => i.kind === kind);
          if (items.length === 0) return null;
          return (
            <fieldset key={kind}>
              <legend>{t(`handover.kind.${kind}`)}</legend>
              {items.map((i) => {
                const id = `item-${i.key.replace(/[^a-z0-9-]/gi, "-")}`;
                return (
                  <div key={i.key} className="checkbox">
                    <input type="checkbox" id={id} name="checked" value={i.key} defaultChecked={i.checked} />
                    <label htmlFor={id}>
                      {i.label}
                      {i.status ? ` — ${t(`handover.commitment.${i.status}`)}` : ""}
                      {i.date ? <span className="muted"> · {day(i.date)}</span> : null}
                    </label>
                    {i.href ? (
                      <a href={i.href} aria-label={t("handover.openItem", { label: i.label })}>
                        {t("handover.see")}
                      </a>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        {open.items.length === 0 ? <p>{t("handover.noItems")}</p> : null}
        <p className="actions">
          <button type="submit" name="intent" value="checklist">
            {t("handover.saveChecklist")}
          </button>
          <button type="submit" name="intent" value="refresh" className="secondary">
            {t("handover.refresh")}
          </button>
        </p>
      </Form>
    </>
  );
}

/** Past handovers (transferred or cancelled). */
export function HandoverHistory({
  history,
}: {
  history: {
    id: string;
    transferredAt: Date | string | null;
    cancelledAt: Date | string | null;
    startedAt: Date | string;
    outgoingName: string;
    successorName: string;
    status: "open" | "transferred" | "cancelled";
    items: HandoverItem[];
  }[];
}) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("handover.history")}</h2>
      {history.length === 0 ? (
        <p>{t("handover.historyEmpty")}</p>
      ) : (
        <TableScroll label={t("handover.history")}>
          <table>
            <caption className="visually-hidden">{t("handover.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("handover.date")}</th>
                <th scope="col">{t("handover.outgoing")}</th>
                <th scope="col">{t("handover.successor")}</th>
                <th scope="col">{t("handover.outcome")}</th>
                <th scope="col">{t("handover.items")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{dateTime(h.transferredAt ?? h.cancelledAt ?? h.startedAt)}</th>
                  <td>{h.outgoingName}</td>
                  <td>{h.successorName}</td>
                  <td>{t(`handover.status.${h.status}`)}</td>
                  <td>{t("handover.progress", { checked: h.items.filter((i) => i.checked).length, total: h.items.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
