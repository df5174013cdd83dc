import { useT } from "../i18n/use-t.ts";
import { AdminForm, adminField, type AdminFormProps } from "./admin-fields.tsx";

export function SiteForm(props: AdminFormProps) {
  const { t } = useT();
  const field = adminField(props.values, props.errors);
  return (
    <AdminForm {...props}>
      {field("name", t("admin.site.name"), { required: true })}
      {field("kind", t("admin.site.kind"), { hint: t("admin.site.kindHint") })}
      {field("address", t("admin.site.address"))}
      {field("municipality", t("admin.site.municipality"))}
      {field("territory", t("admin.site.territory"))}
      {field("phone", t("admin.site.phone"), { type: "tel", inputMode: "tel" })}
    </AdminForm>
  );
}
