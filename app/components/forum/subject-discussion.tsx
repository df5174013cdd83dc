import { Form, Link } from "react-router";
import { SubmissionKey } from "../submission-key.tsx";
import { useT } from "../../i18n/use-t.ts";
import type { SubjectType } from "../../modules/forum/vocabulary.ts";

/** What an object's page receives of its talk (subjects.server.ts `subjectThreads`): null when the reader does not read its space. */
export interface SubjectTalk {
  threads: Record<string, [string, number]>;
  mayStart: boolean;
}

/**
 * An object's discussion (issue 14 §1): "Discussion (3 messages)" linking to its thread, else a
 * "Start a discussion" button (a POST with its submission key, works without JavaScript), or,
 * where the page must stay light (`asLink`), a link to the page that opens it. Nothing at all
 * when the reader does not read the space where the object's talk lives.
 */
export function SubjectDiscussion({ talk, type, id, asLink = false }: { talk: SubjectTalk | null; type: SubjectType; id: string; asLink?: boolean }) {
  const { t } = useT();
  if (!talk) return null;
  const thread = talk.threads[id];
  if (thread) {
    return <Link to={`/network/threads/${thread[0]}`}>{t("forum.subject.discussion", { count: thread[1] })}</Link>;
  }
  if (!talk.mayStart) return null;
  const to = `/network/subjects/${type}/${id}`;
  if (asLink) {
    return <Link to={to}>{t("forum.subject.start")}</Link>;
  }
  return (
    <Form method="post" action={to} className="subject-discussion inline">
      <SubmissionKey />
      <button type="submit" className="secondary">
        {t("forum.subject.start")}
      </button>
    </Form>
  );
}
