import { Form } from "react-router";
import { Field } from "../form.tsx";
import { acceptAttribute, anyDocument } from "../../modules/files/file-types.ts";
import type { FieldErrorMap } from "../../modules/forms/fields.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { notificationLevels, type NotificationLevel, type SpaceKind } from "../../modules/forum/vocabulary.ts";

export interface SpaceLabelView {
  kind: SpaceKind;
  milieu: string | null;
  name: string;
  organizationNameFr: string | null;
  organizationNameEn: string | null;
}

/** A space's name in the reader's language: the network, a milieu, an organization's pivots, or a group's own name. */
export function useSpaceName() {
  const { t, locale } = useT();
  return (s: SpaceLabelView) => {
    switch (s.kind) {
      case "network":
        return t("forum.space.network");
      case "milieu":
        return t(`forum.milieu.${s.milieu ?? "other"}` as MessageKey);
      case "organization":
        return t("forum.space.organization", { organization: (locale === "en" ? s.organizationNameEn : s.organizationNameFr) ?? "" });
      case "group":
        return s.name;
      case "table":
        return t("forum.space.table");
    }
  };
}

/** A post's text: paragraphs at blank lines, line breaks kept (no markup is interpreted). */
export function PostBody({ text }: { text: string }) {
  return (
    <div className="forum-body">
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}

/** The notification level form of a space or a thread (a radio group, works without JavaScript). */
export function LevelForm({ level, idPrefix, legend, inherited }: { level: NotificationLevel | null; idPrefix: string; legend: string; inherited?: NotificationLevel | null }) {
  const { t } = useT();
  const current = level ?? inherited ?? "normal";
  return (
    <Form method="post" className="forum-level">
      <input type="hidden" name="intent" value="level" />
      <fieldset>
        <legend>{legend}</legend>
        {notificationLevels.map((l) => (
          <div key={l} className="choice">
            <input type="radio" id={`${idPrefix}-${l}`} name="level" value={l} defaultChecked={current === l} aria-describedby={`${idPrefix}-${l}-hint`} />
            <label htmlFor={`${idPrefix}-${l}`}>{t(`forum.level.${l}` as MessageKey)}</label>
            <span id={`${idPrefix}-${l}-hint`} className="muted">
              {" "}
              — {t(`forum.level.${l}.hint` as MessageKey)}
            </span>
          </div>
        ))}
      </fieldset>
      <p className="actions">
        <button type="submit" className="secondary">
          {t("forum.level.save")}
        </button>
      </p>
    </Form>
  );
}

/** A count of unread things, for the eye and for screen readers. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useT();
  if (!count) return null;
  return (
    <span className="badge badge-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t("forum.unread", { count })}</span>
    </span>
  );
}

/** The optional file of a new post (the form must be multipart; without JavaScript too). */
export function AttachmentField({ idPrefix, errors }: { idPrefix: string; errors?: FieldErrorMap | null }) {
  const { t } = useT();
  return (
    <Field
      idPrefix={idPrefix}
      name="attachment"
      type="file"
      accept={acceptAttribute(anyDocument)}
      label={t("forum.attachment.label")}
      hint={t("forum.attachment.hint")}
      errors={errors}
    />
  );
}

/** A post's attachments: links to download them (served only to readers of the space). */
export function Attachments({ postId, files }: { postId: string; files: readonly { id: string; fileName: string; byteSize: number }[] }) {
  const { t } = useT();
  if (!files.length) return null;
  return (
    <ul className="forum-attachments" aria-label={t("forum.attachment.list")}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/network/posts/${postId}/files/${f.id}`} download>
            {f.fileName}
          </a>{" "}
          <span className="muted">({t("forum.attachment.size", { size: Math.max(1, Math.round(f.byteSize / 1024)) })})</span>
        </li>
      ))}
    </ul>
  );
}
