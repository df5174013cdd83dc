import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/proposals.$proposalId";
import { PostBody, useSpaceName } from "../../components/forum/forum-ui.tsx";
import { ErrorSummary, Field, PostButton, SelectField } from "../../components/form.tsx";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { closeProposal } from "../../modules/forum/close-proposal.server.ts";
import { flaggedReply } from "../../modules/forum/flagged-reply.server.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { openProposal } from "../../modules/forum/open-proposal.server.ts";
import { proposalAccess } from "../../modules/forum/proposal-access.server.ts";
import { closeProposalSchema, recordOutcomeSchema, voteSchema } from "../../modules/forum/proposal-schema.ts";
import { createProposalResponsibility, recordProposalOutcome } from "../../modules/forum/record-proposal-outcome.server.ts";
import { voteOnProposal, type VoteRefusal } from "../../modules/forum/vote-proposal.server.ts";
import { voteChoices } from "../../modules/forum/vocabulary.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { meetingAccess } from "../../modules/meetings/meeting-access.server.ts";
import { responsibilitySchema } from "../../modules/meetings/responsibilities/responsibility-schema.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** A proposal: its text, one's vote, results when visible, closing early, the outcome into a meeting's decisions, responsibilities. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "proposals.page.title", undefined, d?.proposal.title);

export const shouldRevalidate = revalidateAfterConflict;

function proposalIdOf(params: { proposalId?: string }): string {
  const id = params.proposalId;
  if (!isUuid(id)) notFound();
  return id.toLowerCase();
}

export async function loader(args: Route.LoaderArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const page = await openProposal(args.context.db, viewer, meetingAccess({ ...user, partnershipId: viewer.partnershipId }), proposalIdOf(args.params), new Date());
  if (!page) notFound();
  return { ...page, saved: requestUrl(args.request).searchParams.get("saved") };
}

type Guarded = Awaited<ReturnType<typeof forumGuard>>;
type Ctx = { args: Route.ActionArgs; g: Guarded; proposalId: string; read: Extract<Awaited<ReturnType<typeof readForm>>, { ok: true }> };

const here = (id: string, saved: string) => `/network/proposals/${id}?saved=${saved}`;
const meetingsOf = (c: Ctx) => meetingAccess({ ...c.g.user, partnershipId: c.g.viewer.partnershipId });

const intents = {
  // A vote is one row per person (named) or a marker (anonymous): sent twice, it lands on the same
  // row (the same named vote again is a no-op; a second anonymous one is refused), so no submission key.
  vote: async (c: Ctx) => {
    const parsed = parseValues(c.read, voteSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map<string, string, VoteRefusal | "findings">(await voteOnProposal(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, proposalId: c.proposalId, fields: parsed.data, now: new Date() }), (id) => here(id, "voted"));
  },
  close: async (c: Ctx) => {
    const parsed = parseValues(c.read, closeProposalSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await closeProposal(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, proposalId: c.proposalId, version: parsed.data.version, now: new Date() }), () => here(c.proposalId, "closed"));
  },
  outcome: async (c: Ctx) => {
    const parsed = parseValues(c.read, recordOutcomeSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(
      await recordProposalOutcome(c.args.context.db, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, meetings: meetingsOf(c), proposalId: c.proposalId, ...parsed.data }),
      () => here(c.proposalId, "recorded"),
    );
  },
  responsibility: async (c: Ctx) => {
    const parsed = parseValues(c.read, responsibilitySchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce(
      c.args.context.db,
      submissionOf(c.read.values, "network.proposals.$proposalId:responsibility", c.g.user.accountId),
      (tx) => createProposalResponsibility(tx, actorOf(c.g.user, c.args.context), { viewer: c.g.viewer, meetings: meetingsOf(c), proposalId: c.proposalId, fields: parsed.data }),
      (id) => here(id, "responsibility"),
    );
  },
};

export async function action(args: Route.ActionArgs) {
  const g = await forumGuard(args, policy);
  const proposalId = proposalIdOf(args.params);
  // A proposal of a space one may not read answers 404 before any input is read.
  if (!(await proposalAccess(args.context.db, g.viewer, proposalId))) notFound();
  const read = await readForm(args.request);
  const intent = read.ok ? intentOf(read.values) : "";
  const values = read.values;
  const result = read.ok ? await dispatchIntent(intent, intents, { args, g, proposalId, read }, () => invalidFields({}, "form.invalid")) : invalidFields(read.errors, "form.errors");
  if (result.kind === "refused" && result.reason === "findings") return flaggedReply(intent, result, values);
  return respond(result, (location) => redirect(location), { body: { intent, values, findings: null }, refused: 400 });
}

export default function ProposalPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime, date } = useFormatters();
  const spaceName = useSpaceName();
  const { proposal: p, space, turnout, counts, votes, mine, hasVoted, mayVote, mayManage, meetings, people, saved } = loaderData;
  const failedOf = (intent: string) => (actionData && "intent" in actionData && actionData.intent === intent ? actionData : null);
  const vote = failedOf("vote");
  const voteValues = (vote?.values ?? {}) as Record<string, string>;
  const voteFindings = vote && "findings" in vote ? vote.findings : null;
  const outcome = failedOf("outcome");
  const outcomeValues = (outcome?.values ?? {}) as Record<string, string>;
  const outcomeFindings = outcome && "findings" in outcome ? outcome.findings : null;
  const resp = failedOf("responsibility");
  const respValues = (resp?.values ?? {}) as Record<string, string>;
  const closed = p.status === "closed";
  const summary = counts ? t("proposals.outcome.summary", { agree: counts.agree, abstain: counts.abstain, disagree: counts.disagree, block: counts.block }) : "";
  const outcomeText = p.outcome ? `${t("proposals.outcome.decision", { title: p.title })} ${t(`proposals.outcome.${p.outcome}` as MessageKey)} ${summary}` : "";
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link> › <Link to="/network/proposals">{t("proposals.title")}</Link>
        {space ? (
          <>
            {" "}
            · <span className="muted">{spaceName(space)}</span>
          </>
        ) : null}
      </p>
      <h1>{p.title}</h1>
      {saved ? <SavedNotice message={`proposals.saved.${saved}` as MessageKey} /> : null}
      <p>
        {t("proposals.page.by", { name: p.authorName })} ·{" "}
        {closed ? t("proposals.page.closedOn", { date: dateTime(p.closedAt!) }) : t("proposals.page.closesOn", { date: dateTime(p.closesAt) })}
      </p>
      <ul className="muted">
        <li>{p.anonymous ? t("proposals.page.anonymous") : t("proposals.page.named")}</li>
        {p.hideResults ? <li>{t("proposals.page.hidden")}</li> : null}
      </ul>
      {p.body !== null ? <PostBody text={p.body} /> : null}
      <p>
        <Link to={`/network/threads/${p.threadId}`}>{t("proposals.page.discuss")}</Link>
      </p>

      <section aria-labelledby="results-title">
        <h2 id="results-title">{closed ? t("proposals.results.final") : t("proposals.results.title")}</h2>
        <p>{t("proposals.results.turnout", { count: turnout })}</p>
        {closed && p.outcome ? (
          <p className="badge">
            {t(`proposals.outcome.${p.outcome}` as MessageKey)}
            {p.closedEarly ? ` · ${t("proposals.outcome.early")}` : ""}
          </p>
        ) : null}
        {counts ? (
          <>
            <table>
              <caption className="visually-hidden">{t("proposals.results.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("proposals.results.choice")}</th>
                  <th scope="col">{t("proposals.results.count")}</th>
                </tr>
              </thead>
              <tbody>
                {voteChoices.map((c) => (
                  <tr key={c}>
                    <th scope="row">{t(`proposals.choice.${c}` as MessageKey)}</th>
                    <td>{counts[c]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {votes.length ? (
              <ul>
                {votes.map((v, i) => (
                  <li key={i}>
                    {v.name ? `${v.name} — ` : ""}
                    {t(`proposals.choice.${v.choice}` as MessageKey)}
                    {v.reason ? ` : ${v.reason}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{t("proposals.results.hiddenUntilClose")}</p>
        )}
      </section>

      {mayVote ? (
        <section aria-labelledby="vote-title">
          <h2 id="vote-title">{mine ? t("proposals.vote.change") : t("proposals.vote.title")}</h2>
          <ErrorSummary errors={voteFindings ? null : vote?.errors} formError={vote?.formError} />
          {voteFindings ? <GuardFindings findings={voteFindings} values={voteValues} labels={{ reason: t("proposals.vote.reason") }} /> : null}
          {p.anonymous ? <p className="alert">{t("proposals.vote.anonymousFinal")}</p> : <p>{t("proposals.vote.namedChangeable")}</p>}
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="vote" />
            {mine ? <input type="hidden" name="version" value={String(mine.version)} /> : null}
            <fieldset>
              <legend>{t("proposals.vote.choice")}</legend>
              {voteChoices.map((c) => (
                <div className="choice" key={c}>
                  <input type="radio" id={`vote-${c}`} name="choice" value={c} required defaultChecked={(voteValues.choice ?? mine?.choice) === c} />
                  <label htmlFor={`vote-${c}`}>{t(`proposals.choice.${c}` as MessageKey)}</label>
                </div>
              ))}
            </fieldset>
            <Field idPrefix="vote" name="reason" label={t("proposals.vote.reason")} hint={t("proposals.vote.reasonHint")} multiline defaultValue={voteValues.reason ?? mine?.reason} errors={vote?.errors} />
            <p className="actions">
              <button type="submit">{mine ? t("proposals.vote.submitChange") : t("proposals.vote.submit")}</button>
            </p>
          </Form>
        </section>
      ) : hasVoted && !closed ? (
        <p>{p.anonymous ? t("proposals.vote.doneAnonymous") : t("proposals.vote.done")}</p>
      ) : p.pastDate ? (
        <p>{t("proposals.vote.pastDate")}</p>
      ) : null}

      {mayManage && !closed ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{t("proposals.close.title")}</h2>
          <p>{t("proposals.close.intro")}</p>
          {failedOf("close") ? <ErrorSummary errors={null} formError={failedOf("close")?.formError} /> : null}
          <PostButton fields={{ intent: "close", version: String(p.version) }} className="secondary">
            {t("proposals.close.submit")}
          </PostButton>
        </section>
      ) : null}

      {mayManage && closed ? (
        <section aria-labelledby="outcome-title">
          <h2 id="outcome-title">{t("proposals.record.title")}</h2>
          {p.meeting ? (
            <p>
              {t("proposals.record.done")} <Link to={`/meetings/${p.meeting.id}`}>{p.meeting.title}</Link>
            </p>
          ) : meetings.length ? (
            <>
              <ErrorSummary errors={outcomeFindings ? null : outcome?.errors} formError={outcome?.formError} />
              {outcomeFindings ? <GuardFindings findings={outcomeFindings} values={outcomeValues} labels={{ text: t("proposals.record.text") }} /> : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="outcome" />
                <input type="hidden" name="version" value={String(p.version)} />
                <SelectField
                  idPrefix="outcome"
                  name="meetingId"
                  label={t("proposals.record.meeting")}
                  required
                  placeholder={t("proposals.record.meetingChoose")}
                  defaultValue={outcomeValues.meetingId}
                  errors={outcome?.errors}
                  options={meetings.map((m) => ({ value: m.id, label: `${m.title} (${date(m.startsAt)})` }))}
                />
                <Field idPrefix="outcome" name="text" label={t("proposals.record.text")} multiline required defaultValue={outcomeValues.text ?? outcomeText} errors={outcome?.errors} />
                <p className="actions">
                  <button type="submit">{t("proposals.record.submit")}</button>
                </p>
              </Form>
            </>
          ) : (
            <p>{t("proposals.record.noMeeting")}</p>
          )}
          {p.meeting ? (
            <>
              <h3>{t("proposals.resp.title")}</h3>
              <ErrorSummary errors={resp?.errors} formError={resp?.formError} />
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="responsibility" />
                <input type="hidden" name="ownerKind" value="person" />
                <SubmissionKey />
                <Field idPrefix="resp" name="what" label={t("proposals.resp.what")} required defaultValue={respValues.what} errors={resp?.errors} />
                <SelectField
                  idPrefix="resp"
                  name="owner"
                  label={t("proposals.resp.owner")}
                  required
                  placeholder={t("proposals.resp.ownerChoose")}
                  defaultValue={respValues.owner}
                  errors={resp?.errors}
                  options={people.map((o) => ({ value: `person:${o.id}`, label: o.organization ? `${o.name} (${o.organization})` : o.name }))}
                />
                <Field idPrefix="resp" name="dueOn" type="date" label={t("proposals.resp.dueOn")} required defaultValue={respValues.dueOn} errors={resp?.errors} />
                <p className="actions">
                  <button type="submit">{t("proposals.resp.submit")}</button>
                </p>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
