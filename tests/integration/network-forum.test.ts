import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { forumNotification, forumPost, forumPostRevision, forumReport, forumSpace, forumThread, forumModerationEvent } from "../../app/modules/forum/tables.ts";
import { sendDigests } from "../../app/modules/forum/digest.server.ts";
import { countUnreadNotifications } from "../../app/modules/forum/notifications.server.ts";
import { loadPageChrome } from "../../app/modules/chrome/page-chrome.server.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, createPerson, signIn, type AuthzDataset, type FixturePerson, type FixtureRole } from "../support/fixtures.ts";
import * as home from "../../app/routes/network/_index.tsx";
import * as search from "../../app/routes/network/search.tsx";
import * as notifications from "../../app/routes/network/notifications.tsx";
import * as moderation from "../../app/routes/network/moderation.tsx";
import * as spacesNew from "../../app/routes/network/spaces.new.tsx";
import * as space from "../../app/routes/network/spaces.$spaceId.tsx";
import * as thread from "../../app/routes/network/threads.$threadId.tsx";
import * as postEdit from "../../app/routes/network/posts.$postId.edit.tsx";
import * as postHistory from "../../app/routes/network/posts.$postId.history.tsx";
import * as postFile from "../../app/routes/network/posts.$postId.files.$fileId.tsx";
import { storedFile } from "../../app/modules/files/tables.ts";
import { retentionPurges } from "../../app/modules/privacy/retention-purges.server.ts";
import { randomUUID } from "node:crypto";
import { person } from "../../app/modules/people/tables.ts";
import { handleOf } from "../../app/modules/forum/vocabulary.ts";

/*
 * The pivot network, route by route: who reads which space (other spaces and everything in them
 * answer 404), the identifying-details guard on posts, mentions and digests (never any content in
 * an email), notification levels, and the moderation lifecycle.
 */

let handle: DatabaseHandle;
let d: AuthzDataset;
/** A police pivot (organization 2, milieu "police") and the police organization's acronym. */
let policePivot: FixturePerson;
const cookies = new Map<string, string>();
const spaces = {} as Record<"network" | "youth" | "police" | "org1" | "org2" | "group", string>;
const threads = {} as Record<keyof typeof spaces, string>;

const ctx = () => testContext(handle.db);
const key = () => ({ [SUBMISSION_KEY_FIELD]: randomUUID() });

async function cookieOf(p: FixturePerson, tableId = d.tableA): Promise<string> {
  let c = cookies.get(p.email);
  if (!c) {
    c = await signIn(handle.db, p.accountId!, { activePartnershipId: tableId });
    cookies.set(p.email, c);
  }
  return c;
}

const as = (role: FixtureRole) => d.people[role];

async function get(mod: { loader?: unknown }, url: string, p: FixturePerson, params: Record<string, string> = {}) {
  return callRoute(mod.loader as never, { url, params, cookie: await cookieOf(p), context: ctx() });
}
async function post(mod: { action?: unknown }, url: string, p: FixturePerson, body: Record<string, string | string[]>, params: Record<string, string> = {}) {
  return callRoute(mod.action as never, { url, params, cookie: await cookieOf(p), method: "POST", body, context: ctx() });
}

async function newThread(spaceId: string, p: FixturePerson, title: string, body: string) {
  const out = await post(space, `/network/spaces/${spaceId}`, p, { intent: "thread", title, body, ...key() }, { spaceId });
  expect(out.status, JSON.stringify(out.data)).toBe(302);
  return out.location!.split("/").pop()!;
}

async function reply(threadId: string, p: FixturePerson, body: string, extra: Record<string, string> = {}) {
  return post(thread, `/network/threads/${threadId}`, p, { intent: "reply", body, ...key(), ...extra }, { threadId });
}

const emailsTo = async (address: string) => handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, address));

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  await handle.db.update(organization).set({ acronym: "POL2" }).where(eq(organization.id, d.org2));
  await handle.db.update(organization).set({ acronym: "ORG1" }).where(eq(organization.id, d.org1));
  policePivot = await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org2, givenName: "Rémi", familyName: "Lévesque", email: "pivot-police@a.filet.test", roles: [{ role: "pivot" }] });
  await handle.db.insert(pivotDesignation).values({ partnershipId: d.tableA, organizationId: d.org2, personId: policePivot.personId, since: "2020-01-01" });
  // Opening /network creates the Table's standard spaces.
  expect((await get(home, "/network", as("pivot"))).status).toBe(200);
  const rows = await handle.db.select().from(forumSpace).where(eq(forumSpace.partnershipId, d.tableA));
  spaces.network = rows.find((r) => r.kind === "network")!.id;
  spaces.youth = rows.find((r) => r.kind === "milieu" && r.milieu === "youth_protection")!.id;
  spaces.police = rows.find((r) => r.kind === "milieu" && r.milieu === "police")!.id;
  spaces.org1 = rows.find((r) => r.kind === "organization" && r.organizationId === d.org1)!.id;
  spaces.org2 = rows.find((r) => r.kind === "organization" && r.organizationId === d.org2)!.id;
  const created = await post(spacesNew, "/network/spaces/new", as("pivot_coordinator"), { name: "Groupe de travail sur les rencontres", description: "", posting: "members", members: [as("pivot").personId], ...key() });
  expect(created.status, JSON.stringify(created.data)).toBe(302);
  spaces.group = created.location!.split("/").pop()!;
  threads.network = await newThread(spaces.network, as("pivot"), "Réseau : rencontre régionale de printemps", "Qui sera présent à la rencontre régionale ?");
  threads.youth = await newThread(spaces.youth, as("pivot"), "Protocole d'accueil", "Nous révisons notre protocole d'accueil.");
  threads.police = await newThread(spaces.police, policePivot, "Formation des patrouilleurs", "Une formation est prévue en mars.");
  threads.org1 = await newThread(spaces.org1, as("pivot"), "Horaire de garde", "L'horaire de garde de décembre est prêt.");
  threads.org2 = await newThread(spaces.org2, policePivot, "Relève du pivot", "Qui prend la relève pendant les fêtes ?");
  threads.group = await newThread(spaces.group, as("pivot_coordinator"), "Ordre du jour", "Proposition d'ordre du jour.");
});
afterAll(async () => {
  await handle.close();
});

describe("who reads which space", () => {
  // Expected readers of each space (the others get 404 on the space, its thread, its posts).
  const readers: Record<keyof typeof spaces, string[]> = {
    network: ["table_coordinator", "table_member", "pivot_coordinator", "pivot", "police"],
    youth: ["table_coordinator", "table_member", "pivot_coordinator", "pivot"],
    police: ["table_coordinator", "police"],
    org1: ["table_coordinator", "table_member", "pivot_coordinator", "pivot"],
    org2: ["table_coordinator", "police"],
    group: ["table_coordinator", "pivot_coordinator", "pivot"],
  };
  const subjects = ["platform_admin", "table_coordinator", "table_member", "pivot_coordinator", "pivot", "trainer", "observer", "evaluator", "privacy_officer", "worker", "police", "tableB"] as const;
  const personOf = (s: (typeof subjects)[number]) => (s === "police" ? policePivot : s === "tableB" ? d.tableBCoordinator : d.people[s]);

  it("answers each space, thread and post page to its readers only (404 to everyone else)", async () => {
    const observed: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const name of Object.keys(spaces) as (keyof typeof spaces)[]) {
      const [first] = await handle.db.select({ id: forumPost.id }).from(forumPost).where(eq(forumPost.threadId, threads[name]));
      for (const s of subjects) {
        const p = personOf(s);
        if (s === "tableB") cookies.set(p.email, await signIn(handle.db, p.accountId!, { activePartnershipId: d.tableB }));
        const spaceOut = await get(space, `/network/spaces/${spaces[name]}`, p, { spaceId: spaces[name] });
        const threadOut = await get(thread, `/network/threads/${threads[name]}`, p, { threadId: threads[name] });
        const historyOut = await get(postHistory, `/network/posts/${first!.id}/history`, p, { postId: first!.id });
        const replyOut = await post(thread, `/network/threads/${threads[name]}`, p, { intent: "level", level: "normal" }, { threadId: threads[name] });
        const statuses = [spaceOut.status, threadOut.status, replyOut.status];
        observed[`${name}:${s}`] = statuses.map(String);
        expected[`${name}:${s}`] = readers[name].includes(s) ? ["200", "200", "302"] : ["404", "404", "404"];
        // Histories: only moderators and the author; never anyone who cannot read the space.
        if (!readers[name].includes(s)) expect(historyOut.status, `${name} history as ${s}`).toBe(404);
      }
    }
    expect(observed).toEqual(expected);
  });

  it("lists on /network only the spaces one reads", async () => {
    const out = await get(home, "/network", policePivot);
    const ids = (out.data as { spaces: { id: string }[] }).spaces.map((s) => s.id).sort();
    expect(ids).toEqual([spaces.network, spaces.police, spaces.org2].sort());
  });

  it("refuses the whole network to roles outside it and to another Table", async () => {
    for (const s of ["platform_admin", "worker", "trainer", "observer", "evaluator", "privacy_officer"] as const) {
      for (const mod of [home, search, notifications]) expect((await get(mod, "/network", d.people[s])).status, s).toBe(404);
    }
    // The moderation queue: moderators only.
    expect((await get(moderation, "/network/moderation", as("pivot"))).status).toBe(404);
    expect((await get(moderation, "/network/moderation", as("pivot_coordinator"))).status).toBe(200);
    // Working groups: only the coordinators create them.
    expect((await get(spacesNew, "/network/spaces/new", as("pivot"))).status).toBe(404);
  });

  it("never finds, in search, a thread of a space one does not read (accents ignored)", async () => {
    const mine = await get(search, "/network/search?q=reseau", as("pivot"));
    expect((mine.data as { hits: { threadId: string }[] }).hits.map((h) => h.threadId)).toEqual([threads.network]);
    const police = await get(search, "/network/search?q=GARDE", policePivot);
    expect((police.data as { hits: unknown[] }).hits).toEqual([]);
    const coordinator = await get(search, "/network/search?q=garde", as("table_coordinator"));
    expect((coordinator.data as { hits: { threadId: string }[] }).hits.map((h) => h.threadId)).toEqual([threads.org1]);
  });
});

describe("the identifying-details guard on every post", () => {
  it("blocks a reply naming a youth, shows what was found, and writes nothing", async () => {
    const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumPost);
    const out = await reply(threads.network, as("pivot"), "La jeune s'appelle Léa Tremblay, née le 14 mars 2009, au 123 rue des Érables.");
    expect(out.status).toBe(400);
    const findings = (out.data as { findings: Record<string, { kind: string }[]> }).findings;
    expect(findings.body!.map((f) => f.kind)).toEqual(expect.arrayContaining(["person_name", "street_address"]));
    const after = await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumPost);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("blocks a thread whose title holds a handle, and a post with a youth's social handle", async () => {
    const out = await post(space, `/network/spaces/${spaces.network}`, as("pivot"), { intent: "thread", title: "Son snap : lili_2009", body: "Rien d'autre.", ...key() }, { spaceId: spaces.network });
    expect(out.status).toBe(400);
    expect(Object.keys((out.data as { findings: object }).findings)).toEqual(["title"]);
    const handleOut = await reply(threads.network, as("pivot"), "Elle écrit à @lili_2009 tous les soirs.");
    expect(handleOut.status).toBe(400);
  });

  it("lets a mention of a colleague or an organization through (they are not a youth's handle)", async () => {
    const out = await reply(threads.network, as("pivot"), "Merci @remi.levesque et @POL2, je vous écris après la rencontre.");
    expect(out.status, JSON.stringify(out.data)).toBe(302);
  });

  it("reads a colleague's handle as a name even when it holds digits, and still finds the same digits outside it", async () => {
    // "test-42202067" has the shape of a health insurance number (four letters, eight digits); inside a known colleague's handle it is part of a name.
    await createPerson(handle.db, { partnershipId: d.tableA, organizationId: d.org1, givenName: "Alex", familyName: "Test-42202067", account: false, roles: [{ role: "pivot" }] });
    const named = await reply(threads.network, as("pivot"), "Je transmets à @alex.test-42202067 demain.");
    expect(named.status, JSON.stringify(named.data)).toBe(302);
    const bare = await reply(threads.network, as("pivot"), "Sa carte : test-42202067.");
    expect(bare.status).toBe(400);
  });

  it("blocks an edit that adds identifying details, and a report note too", async () => {
    const [p] = await handle.db.select().from(forumPost).where(eq(forumPost.threadId, threads.org1));
    const out = await post(postEdit, `/network/posts/${p!.id}/edit`, as("pivot"), { body: "Le jeune habite au 45 avenue Cartier.", version: String(p!.version) }, { postId: p!.id });
    expect(out.status).toBe(400);
    expect((await handle.db.select().from(forumPost).where(eq(forumPost.id, p!.id)))[0]!.body).toBe(p!.body);
  });
});

describe("mentions, replies and digests: links only, never content", () => {
  it("emails a mentioned person and an organization's designated pivots at once, with no word of the post", async () => {
    const body = "Question pour @POL2 : le protocole Jonquille s'applique-t-il ?";
    const out = await reply(threads.network, as("pivot"), body);
    expect(out.status).toBe(302);
    const mails = await emailsTo(policePivot.email);
    const mention = mails.filter((m) => m.subject.includes("mentionn"));
    expect(mention.length).toBeGreaterThanOrEqual(1);
    for (const m of mails) {
      expect(m.textBody).not.toMatch(/Jonquille|protocole|rencontre régionale|Réseau :/);
      expect(m.subject).not.toMatch(/Jonquille|Réseau :/);
      expect(m.textBody).toContain(`/network/threads/${threads.network}#post-`);
    }
    const unread = await countUnreadNotifications(handle.db, d.tableA, policePivot.personId);
    expect(unread).toBeGreaterThan(0);
    // The header reads the same count in the page chrome's single query, and only for a network reader.
    const chrome = await loadPageChrome(handle.db, { partnershipId: d.tableA, personId: policePivot.personId, network: true });
    expect(chrome.unreadNetwork).toBe(unread);
    expect(chrome.footer?.nameFr).toBeTruthy();
    expect((await loadPageChrome(handle.db, { partnershipId: d.tableA, personId: policePivot.personId, network: false })).unreadNetwork).toBe(0);
    expect(await loadPageChrome(handle.db, { partnershipId: null, personId: null, network: true })).toEqual({ footer: null, unreadAnnouncements: 0, unreadNetwork: 0 });
  });

  it("emails the thread's author when someone replies (a reply to their post), in their language", async () => {
    const before = (await emailsTo(as("pivot").email)).length;
    const out = await reply(threads.network, policePivot, "Je serai présent, avec une collègue.");
    expect(out.status).toBe(302);
    const after = await emailsTo(as("pivot").email);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.textBody).not.toContain("collègue");
  });

  it("does not mention someone who cannot read the space", async () => {
    const out = await reply(threads.org1, as("pivot"), "Je le dirai à @remi.levesque plus tard.");
    expect(out.status).toBe(302);
    const rows = await handle.db.select().from(forumNotification).where(and(eq(forumNotification.personId, policePivot.personId), eq(forumNotification.threadId, threads.org1)));
    expect(rows).toEqual([]);
  });

  it("sends ONE digest per person with what is left, links only; a second run sends nothing", async () => {
    // What readers already opened in the app is not mailed again: a fresh thread for the digest.
    await newThread(spaces.network, policePivot, "Calendrier des formations", "Les dates seront confirmées en janvier.");
    const now = new Date();
    const first = await sendDigests(handle.db, { now, publicUrl: "https://filet.test" });
    expect(first.sent).toBeGreaterThan(0);
    const digests = (await handle.db.select().from(emailMessage)).filter((m) => m.subject.includes("résumé") || m.subject.includes("digest"));
    const perPerson = new Map<string, number>();
    for (const m of digests) perPerson.set(m.toAddress, (perPerson.get(m.toAddress) ?? 0) + 1);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    const titles = (await handle.db.select({ title: forumThread.title }).from(forumThread)).map((t) => t.title);
    const bodies = (await handle.db.select({ body: forumPost.body }).from(forumPost)).map((p) => p.body);
    for (const m of digests) {
      for (const text of [...titles, ...bodies]) expect(m.textBody.includes(text), `${m.toAddress} digest holds "${text}"`).toBe(false);
      expect(m.textBody).toMatch(/https:\/\/filet\.test\/network\/threads\/[0-9a-f-]{36}/);
    }
    const second = await sendDigests(handle.db, { now: new Date(now.getTime() + 60_000), publicUrl: "https://filet.test" });
    expect(second.sent).toBe(0);
  });

  it("keeps a weekly digest for a week", async () => {
    const member = as("table_member");
    expect((await post(home, "/network", member, { intent: "digest", digest: "weekly" })).status).toBe(302);
    const start = new Date();
    await sendDigests(handle.db, { now: start, publicUrl: "https://filet.test" });
    await newThread(spaces.network, as("pivot"), "Nouvelles pratiques d'accueil", "Un partage de pratiques.");
    const mailsBefore = (await emailsTo(member.email)).length;
    expect((await sendDigests(handle.db, { now: new Date(start.getTime() + 2 * 86_400_000), publicUrl: "https://filet.test" })).sent).toBeGreaterThanOrEqual(0);
    expect((await emailsTo(member.email)).length).toBe(mailsBefore);
    await sendDigests(handle.db, { now: new Date(start.getTime() + 7 * 86_400_000), publicUrl: "https://filet.test" });
    expect((await emailsTo(member.email)).length).toBe(mailsBefore + 1);
  });
});

describe("notification levels", () => {
  it("muted hears nothing, not even a mention; watching hears every post; normal only mentions and replies", async () => {
    const coordinator = as("pivot_coordinator");
    const member = as("table_member");
    const t = await newThread(spaces.youth, as("pivot"), "Levels", "Premier message.");
    expect((await post(thread, `/network/threads/${t}`, coordinator, { intent: "level", level: "muted" }, { threadId: t })).status).toBe(302);
    expect((await post(thread, `/network/threads/${t}`, member, { intent: "level", level: "watching" }, { threadId: t })).status).toBe(302);
    const out = await reply(t, policePivot, "x");
    expect(out.status).toBe(404); // the police pivot does not read the youth-protection milieu
    const [pc] = await handle.db.select().from(person).where(eq(person.id, coordinator.personId));
    const r = await reply(t, as("table_coordinator"), `Une précision sur l'accueil, @${handleOf(pc!.givenName, pc!.familyName)}.`);
    expect(r.status).toBe(302);
    const kinds = async (personId: string) =>
      (await handle.db.select({ kind: forumNotification.kind }).from(forumNotification).where(and(eq(forumNotification.personId, personId), eq(forumNotification.threadId, t)))).map((n) => n.kind);
    expect(await kinds(coordinator.personId)).toEqual(["thread"]); // the new thread, before muting; not the mention after
    expect(await kinds(member.personId)).toEqual(["thread", "post"]);
    // The thread's author hears of the reply at once.
    expect(await kinds(as("pivot").personId)).toEqual(["reply"]);
  });
});

describe("moderation: report, review queue, hide or dismiss, log, edit history", () => {
  it("hides a reported post with a reason, tells its author without content, and logs it", async () => {
    const [p] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, threads.network), eq(forumPost.position, 1)));
    const reported = await post(thread, `/network/threads/${threads.network}`, policePivot, { intent: "report", postId: p!.id, reason: "off_topic", note: "Plutôt pour l'espace du milieu.", ...key() }, { threadId: threads.network });
    expect(reported.status, JSON.stringify(reported.data)).toBe(302);
    // The author cannot report their own post.
    expect((await post(thread, `/network/threads/${threads.network}`, as("pivot"), { intent: "report", postId: p!.id, reason: "other", note: "", ...key() }, { threadId: threads.network })).status).toBe(400);
    const queue = await get(moderation, "/network/moderation", as("pivot_coordinator"));
    const item = (queue.data as { queue: { reportId: string; version: number; postId: string }[] }).queue.find((q) => q.postId === p!.id)!;
    expect(item).toBeDefined();
    // A pivot coordinator of the police (not this milieu's, nor the org's) would not see org1's reports; the police pivot never sees the queue.
    const stale = await post(moderation, "/network/moderation", as("pivot_coordinator"), { intent: "hide", reportId: item.reportId, version: String(item.version + 1), reason: "Hors sujet" });
    expect(stale.status).toBe(409);
    const mailsBefore = (await emailsTo(as("pivot").email)).length;
    const hidden = await post(moderation, "/network/moderation", as("pivot_coordinator"), { intent: "hide", reportId: item.reportId, version: String(item.version), reason: "Hors sujet pour tout le réseau" });
    expect(hidden.status, JSON.stringify(hidden.data)).toBe(302);
    const [after] = await handle.db.select().from(forumPost).where(eq(forumPost.id, p!.id));
    expect(after!.hiddenAt).not.toBeNull();
    expect((await handle.db.select().from(forumReport).where(eq(forumReport.id, item.reportId)))[0]!.status).toBe("hidden");
    const mails = await emailsTo(as("pivot").email);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails.at(-1)!.textBody).not.toMatch(/Hors sujet|rencontre régionale/);
    const notice = await handle.db.select().from(forumNotification).where(and(eq(forumNotification.personId, as("pivot").personId), eq(forumNotification.kind, "hidden")));
    expect(notice).toHaveLength(1);
    // Readers no longer see its text; the author and moderators do, with the reason.
    const asReader = await get(thread, `/network/threads/${threads.network}`, policePivot, { threadId: threads.network });
    const readerPost = (asReader.data as { posts: { id: string; body: string | null; hidden: boolean }[] }).posts.find((x) => x.id === p!.id)!;
    expect(readerPost).toMatchObject({ hidden: true, body: null });
    const asAuthor = await get(thread, `/network/threads/${threads.network}`, as("pivot"), { threadId: threads.network });
    expect((asAuthor.data as { posts: { id: string; hiddenReason: string | null }[] }).posts.find((x) => x.id === p!.id)!.hiddenReason).toBe("Hors sujet pour tout le réseau");
    // Hidden posts are not searched either.
    expect((((await get(search, "/network/search?q=presente", policePivot)).data) as { hits: unknown[] }).hits).toEqual([]);
    const log = await handle.db.select().from(forumModerationEvent).where(eq(forumModerationEvent.postId, p!.id));
    expect(log.map((l) => l.action)).toEqual(["hidden"]);
  });

  it("dismisses a report without touching the post", async () => {
    const [p] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, threads.youth), eq(forumPost.position, 1)));
    expect((await post(thread, `/network/threads/${threads.youth}`, as("table_member"), { intent: "report", postId: p!.id, reason: "disrespectful", note: "", ...key() }, { threadId: threads.youth })).status).toBe(302);
    const queue = await get(moderation, "/network/moderation", as("table_coordinator"));
    const item = (queue.data as { queue: { reportId: string; version: number; postId: string }[] }).queue.find((q) => q.postId === p!.id)!;
    // The police pivot coordinator? There is none; the org-1 pivot coordinator moderates youth protection (their milieu).
    expect((await post(moderation, "/network/moderation", as("pivot_coordinator"), { intent: "dismiss", reportId: item.reportId, version: String(item.version) })).status).toBe(302);
    expect((await handle.db.select().from(forumPost).where(eq(forumPost.id, p!.id)))[0]!.hiddenAt).toBeNull();
    expect((await handle.db.select().from(forumReport).where(eq(forumReport.id, item.reportId)))[0]!.status).toBe("dismissed");
  });

  it("keeps earlier wordings on edit (version checked), shown to moderators, not to other readers", async () => {
    const [p] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, threads.org1), eq(forumPost.position, 1)));
    const ok = await post(postEdit, `/network/posts/${p!.id}/edit`, as("pivot"), { body: "L'horaire de garde de décembre est prêt et affiché.", version: String(p!.version) }, { postId: p!.id });
    expect(ok.status).toBe(302);
    const stale = await post(postEdit, `/network/posts/${p!.id}/edit`, as("pivot"), { body: "Autre texte.", version: String(p!.version) }, { postId: p!.id });
    expect(stale.status).toBe(409);
    const revisions = await handle.db.select().from(forumPostRevision).where(eq(forumPostRevision.postId, p!.id));
    expect(revisions.map((r) => r.body)).toEqual(["L'horaire de garde de décembre est prêt."]);
    expect((await get(postHistory, `/network/posts/${p!.id}/history`, as("pivot_coordinator"), { postId: p!.id })).status).toBe(200);
    expect((await get(postHistory, `/network/posts/${p!.id}/history`, as("table_member"), { postId: p!.id })).status).toBe(404);
    // Someone else's post cannot be edited.
    expect((await get(postEdit, `/network/posts/${p!.id}/edit`, as("table_member"), { postId: p!.id })).status).toBe(404);
  });

  it("pins a thread for moderators only, with its version", async () => {
    const [t] = await handle.db.select().from(forumThread).where(eq(forumThread.id, threads.youth));
    expect((await post(thread, `/network/threads/${t!.id}`, as("pivot"), { intent: "pin", version: String(t!.version) }, { threadId: t!.id })).status).toBe(404);
    expect((await post(thread, `/network/threads/${t!.id}`, as("pivot_coordinator"), { intent: "pin", version: String(t!.version) }, { threadId: t!.id })).status).toBe(302);
    expect((await post(thread, `/network/threads/${t!.id}`, as("pivot_coordinator"), { intent: "unpin", version: String(t!.version) }, { threadId: t!.id })).status).toBe(409);
    const list = await get(space, `/network/spaces/${spaces.youth}`, as("pivot"), { spaceId: spaces.youth });
    expect((list.data as { threads: { id: string; pinned: boolean }[] }).threads[0]).toMatchObject({ id: t!.id, pinned: true });
  });
});

describe("unread markers and the notification list", () => {
  it("counts a thread's posts unread until the reader opens it, and the list marks all read", async () => {
    const t = await newThread(spaces.network, policePivot, "Unread", "Un.");
    const before = await get(space, `/network/spaces/${spaces.network}`, as("pivot"), { spaceId: spaces.network });
    expect((before.data as { threads: { id: string; unread: number }[] }).threads.find((x) => x.id === t)!.unread).toBe(1);
    await get(thread, `/network/threads/${t}`, as("pivot"), { threadId: t });
    const after = await get(space, `/network/spaces/${spaces.network}`, as("pivot"), { spaceId: spaces.network });
    expect((after.data as { threads: { id: string; unread: number }[] }).threads.find((x) => x.id === t)!.unread).toBe(0);
    expect((await post(notifications, "/network/notifications", policePivot, { intent: "readAll" })).status).toBe(302);
    expect(await countUnreadNotifications(handle.db, d.tableA, policePivot.personId)).toBe(0);
    const ids = (await handle.db.select({ id: forumThread.id }).from(forumThread).where(inArray(forumThread.id, [t]))).map((r) => r.id);
    expect(ids).toEqual([t]);
  });
});

describe("mentions added by an edit, and @all", () => {
  const handleFor = async (p: FixturePerson) => {
    const [row] = await handle.db.select().from(person).where(eq(person.id, p.personId));
    return handleOf(row!.givenName, row!.familyName);
  };
  const mentionsOf = async (personId: string, threadId: string) =>
    handle.db.select().from(forumNotification).where(and(eq(forumNotification.personId, personId), eq(forumNotification.threadId, threadId), eq(forumNotification.kind, "mention")));

  it("tells only the people an edit newly mentions, at once and without content", async () => {
    const t = await newThread(spaces.network, as("table_coordinator"), "Édition et mentions", "Premier message du fil.");
    expect((await reply(t, as("pivot"), "Je reviens vers vous bientôt.")).status).toBe(302);
    const [p] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, t), eq(forumPost.position, 2)));
    const edit = (body: string, version: number) => post(postEdit, `/network/posts/${p!.id}/edit`, as("pivot"), { body, version: String(version) }, { postId: p!.id });
    const policeMailsBefore = (await emailsTo(policePivot.email)).length;
    expect((await edit("Je reviens vers vous bientôt, avec @POL2.", p!.version)).status).toBe(302);
    expect(await mentionsOf(policePivot.personId, t)).toHaveLength(1);
    const policeMails = await emailsTo(policePivot.email);
    expect(policeMails.length).toBe(policeMailsBefore + 1);
    expect(policeMails.at(-1)!.textBody).toContain(`/network/threads/${t}#post-2`);
    expect(policeMails.at(-1)!.textBody).not.toMatch(/reviens|Édition et mentions/);
    // A second edit keeps @POL2 and adds the Table member: only the member hears of it.
    const member = as("table_member");
    const memberHandle = await handleFor(member);
    expect((await edit(`Je reviens vers vous bientôt, avec @POL2 et @${memberHandle}.`, p!.version + 1)).status).toBe(302);
    expect(await mentionsOf(policePivot.personId, t)).toHaveLength(1);
    expect(await mentionsOf(member.personId, t)).toHaveLength(1);
    expect((await emailsTo(policePivot.email)).length).toBe(policeMailsBefore + 1);
    // An edit that only rewords tells nobody.
    const before = (await handle.db.select().from(forumNotification).where(eq(forumNotification.threadId, t))).length;
    expect((await edit(`Je reviens vers vous demain, avec @POL2 et @${memberHandle}.`, p!.version + 2)).status).toBe(302);
    expect((await handle.db.select().from(forumNotification).where(eq(forumNotification.threadId, t))).length).toBe(before);
  });

  it("refuses @all / @tous to someone who does not moderate the space, with a form error and nothing written", async () => {
    const t = await newThread(spaces.network, as("table_coordinator"), "Annonce à tous", "Un fil pour les annonces.");
    const posts = async () => (await handle.db.select().from(forumPost).where(eq(forumPost.threadId, t))).length;
    for (const word of ["@tous", "@all"]) {
      const out = await reply(t, as("pivot"), `Bonjour ${word}, une question.`);
      expect(out.status).toBe(400);
      expect((out.data as { formError?: string }).formError).toBe("forum.refused.everyone");
    }
    expect(await posts()).toBe(1);
    const opened = await post(space, `/network/spaces/${spaces.network}`, as("pivot"), { intent: "thread", title: "Pour tous", body: "Bonjour @tous.", ...key() }, { spaceId: spaces.network });
    expect(opened.status).toBe(400);
    // Nor may an edit slip it in.
    const [own] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, threads.youth), eq(forumPost.position, 1)));
    const edited = await post(postEdit, `/network/posts/${own!.id}/edit`, as("pivot"), { body: "Nous révisons notre protocole d'accueil, @tous.", version: String(own!.version) }, { postId: own!.id });
    expect(edited.status).toBe(400);
  });

  it("lets a moderator reach every reader of the space with @tous, except those who muted it", async () => {
    const t = await newThread(spaces.network, as("pivot"), "Rencontre de juin", "Qui vient à la rencontre de juin ?");
    expect((await post(thread, `/network/threads/${t}`, as("table_member"), { intent: "level", level: "muted" }, { threadId: t })).status).toBe(302);
    const out = await reply(t, as("pivot_coordinator"), "Rappel à @tous : inscrivez-vous avant vendredi.");
    expect(out.status, JSON.stringify(out.data)).toBe(302);
    for (const p of [as("pivot"), as("table_coordinator"), policePivot]) expect(await mentionsOf(p.personId, t), p.email).toHaveLength(1);
    expect(await mentionsOf(as("table_member").personId, t)).toHaveLength(0);
    expect(await mentionsOf(as("pivot_coordinator").personId, t)).toHaveLength(0);
    const mail = (await emailsTo(policePivot.email)).at(-1)!;
    expect(mail.textBody).not.toMatch(/inscrivez|juin/);
    // In a milieu the police pivot does not read, @all does not reach them.
    const y = await newThread(spaces.youth, as("pivot"), "Accueil", "Un mot sur l'accueil.");
    expect((await reply(y, as("table_coordinator"), "Note pour @all : nouvel horaire.")).status).toBe(302);
    expect(await mentionsOf(policePivot.personId, y)).toHaveLength(0);
    expect(await mentionsOf(as("pivot").personId, y)).toHaveLength(1);
  });
});

describe("attachments on posts (the files store)", () => {
  const tinyPdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") as Uint8Array<ArrayBuffer>;
  async function multipart(mod: { action?: unknown }, url: string, p: FixturePerson, fields: Record<string, string>, file: { bytes: Uint8Array<ArrayBuffer>; name: string } | null, params: Record<string, string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set(SUBMISSION_KEY_FIELD, randomUUID());
    if (file) form.set("attachment", new File([file.bytes], file.name));
    const request = new Request(`http://localhost:3000${url}`, { method: "POST", headers: { cookie: await cookieOf(p) }, body: form });
    try {
      const out = (await (mod.action as (a: unknown) => Promise<unknown>)({ request, params, context: ctx() })) as Response | { init: { status: number }; data: unknown };
      return out instanceof Response ? { status: out.status, location: out.headers.get("location"), data: null } : { status: out.init.status, location: null, data: out.data as Record<string, unknown> };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("location"), data: null };
      const t = thrown as { init?: { status: number }; data?: unknown };
      return { status: t.init?.status ?? 500, location: null, data: t.data as Record<string, unknown> };
    }
  }
  const download = async (p: FixturePerson, postId: string, fileId: string) => {
    try {
      const res = (await (postFile.loader as (a: unknown) => Promise<Response>)({
        request: new Request(`http://localhost:3000/network/posts/${postId}/files/${fileId}`, { headers: { cookie: p === d.tableBCoordinator ? await cookieOf(p, d.tableB) : await cookieOf(p) } }),
        params: { postId, fileId },
        context: ctx(),
      })) as Response;
      return res.status;
    } catch (thrown) {
      return thrown instanceof Response ? thrown.status : ((thrown as { init?: { status: number } }).init?.status ?? 500);
    }
  };
  const filesOf = async (postId: string) => handle.db.select().from(storedFile).where(and(eq(storedFile.ownerType, "forum_post"), eq(storedFile.ownerId, postId)));

  it("stores a reply's file, lists it on the post, and serves it only to readers of the space", async () => {
    const t = await newThread(spaces.youth, as("pivot"), "Gabarit d'entente", "Voici le gabarit dont nous parlions.");
    const out = await multipart(thread, `/network/threads/${t}`, as("pivot_coordinator"), { intent: "reply", body: "Le gabarit révisé est joint." }, { bytes: tinyPdf(), name: "gabarit-entente.pdf" }, { threadId: t });
    expect(out.status, JSON.stringify(out.data)).toBe(302);
    const [p] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, t), eq(forumPost.position, 2)));
    const files = await filesOf(p!.id);
    expect(files.map((f) => [f.fileName, f.mediaType])).toEqual([["gabarit-entente.pdf", "application/pdf"]]);
    const page = await get(thread, `/network/threads/${t}`, as("pivot"), { threadId: t });
    const shown = (page.data as { posts: { id: string; attachments: { id: string }[] }[] }).posts.find((x) => x.id === p!.id)!;
    expect(shown.attachments.map((a) => a.id)).toEqual([files[0]!.id]);
    expect(await download(as("pivot"), p!.id, files[0]!.id)).toBe(200);
    // The police pivot does not read the youth-protection milieu; another Table is another world; a worker is outside the network.
    expect(await download(policePivot, p!.id, files[0]!.id)).toBe(404);
    expect(await download(d.tableBCoordinator, p!.id, files[0]!.id)).toBe(404);
    expect(await download(as("worker"), p!.id, files[0]!.id)).toBe(404);
    // The file through another post's address is not found either.
    const [opening] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, t), eq(forumPost.position, 1)));
    expect(await download(as("pivot"), opening!.id, files[0]!.id)).toBe(404);
  });

  it("opens a thread with a file, refuses a type the files store does not accept, and writes nothing then", async () => {
    const opened = await multipart(space, `/network/spaces/${spaces.network}`, as("pivot"), { intent: "thread", title: "Affiche régionale", body: "L'affiche est jointe." }, { bytes: tinyPdf(), name: "affiche.pdf" }, { spaceId: spaces.network });
    expect(opened.status, JSON.stringify(opened.data)).toBe(302);
    const threadId = opened.location!.split("/").pop()!;
    const [first] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, threadId), eq(forumPost.position, 1)));
    expect(await filesOf(first!.id)).toHaveLength(1);
    const before = (await handle.db.select().from(forumPost).where(eq(forumPost.threadId, threadId))).length;
    const refused = await multipart(thread, `/network/threads/${threadId}`, as("pivot"), { intent: "reply", body: "Et la page web." }, { bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>") as Uint8Array<ArrayBuffer>, name: "page.pdf" }, { threadId });
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, string[]> }).errors.attachment).toEqual(["forum.attachment.wrong_type"]);
    expect((await handle.db.select().from(forumPost).where(eq(forumPost.threadId, threadId))).length).toBe(before);
    // A file name goes through the identifying-details guard like the post.
    const named = await multipart(thread, `/network/threads/${threadId}`, as("pivot"), { intent: "reply", body: "Le dossier est joint." }, { bytes: tinyPdf(), name: "dossier-jessica-tremblay.pdf" }, { threadId });
    expect(named.status).toBe(400);
    expect(Object.keys((named.data as { findings: Record<string, unknown> }).findings)).toEqual(["attachment"]);
    expect((await handle.db.select().from(forumPost).where(eq(forumPost.threadId, threadId))).length).toBe(before);
    // A plain (urlencoded) reply without a file still works.
    expect((await reply(threadId, policePivot, "Merci pour l'affiche.")).status).toBe(302);
  });

  it("serves nobody the files of a hidden post, and redaction or retention removes them", async () => {
    const t = await newThread(spaces.network, as("pivot"), "Document à retirer", "Un document suit.");
    const out = await multipart(thread, `/network/threads/${t}`, policePivot, { intent: "reply", body: "Le document est joint." }, { bytes: tinyPdf(), name: "document.pdf" }, { threadId: t });
    expect(out.status, JSON.stringify(out.data)).toBe(302);
    const [p] = await handle.db.select().from(forumPost).where(and(eq(forumPost.threadId, t), eq(forumPost.position, 2)));
    const [file] = await filesOf(p!.id);
    expect(await download(as("pivot"), p!.id, file!.id)).toBe(200);
    await handle.db.update(forumPost).set({ hiddenAt: new Date(), hiddenReason: "Retiré" }).where(eq(forumPost.id, p!.id));
    for (const who of [as("pivot"), policePivot, as("table_coordinator")]) expect(await download(who, p!.id, file!.id)).toBe(404);
    const page = await get(thread, `/network/threads/${t}`, as("table_coordinator"), { threadId: t });
    expect((page.data as { posts: { id: string; attachments: unknown[] }[] }).posts.find((x) => x.id === p!.id)!.attachments).toEqual([]);
    // The retention run on quiet threads takes the files with the words.
    await handle.db.update(forumThread).set({ lastPostAt: new Date("2000-01-01") }).where(eq(forumThread.id, t));
    await handle.db.transaction((tx) => retentionPurges.thread_posts({ tx, partnershipId: d.tableA, rule: { months: 24 } as never, now: new Date() }));
    expect(await filesOf(p!.id)).toEqual([]);
  });
});

describe("the guard's reading of a file name", () => {
  it("finds a name or a phone number written in lower case with dashes, lets a plain name through", async () => {
    const { attachmentName } = await import("../../app/modules/forum/post-guard.server.ts");
    const { findIdentifyingDetails } = await import("../../app/modules/consultations/pii/find-identifying-details.ts");
    const found = (name: string) => findIdentifyingDetails(attachmentName({ fileName: name }).attachment!).map((f) => f.kind);
    expect(found("dossier-jessica-tremblay.pdf")).toContain("person_name");
    expect(found("fiche_514-555-0199.pdf")).toContain("phone");
    expect(found("gabarit-entente-2025.docx")).toEqual([]);
    expect(found("affiche_regionale.png")).toEqual([]);
  });
});
