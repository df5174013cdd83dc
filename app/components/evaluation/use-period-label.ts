import { useT } from "../../i18n/use-t.ts";
import { periodName, periodNameOfKey } from "../../modules/indicators/period-name.ts";

/** Names a dashboard period key in the reader's language, as the server's words do. */
export function usePeriodLabel(): (key: string) => string {
  const { t, locale } = useT();
  return (key) => {
    const name = periodNameOfKey(key);
    return name ? periodName(name, t, locale) : key;
  };
}
