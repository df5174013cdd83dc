import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * Forms of the pivot network (/network): digest rhythm, working-group spaces, threads, replies,
 * reports, levels, pins, post edits, notifications, the review queue. Demo records from
 * app/modules/demo/seed-forum.server.ts.
 */
const networkSpace = (demo: Demo) => demo.one(sql`select id from forum_space where partnership_id = ${demo.tableId} and kind = 'network'`);
const meetingThread = (demo: Demo) => demo.one(sql`select id from forum_thread where partnership_id = ${demo.tableId} and title like 'Rencontre régionale des pivots du printemps%'`);
const postOf = (demo: Demo, title: string, position: number): Promise<string> =>
  demo.one(sql`select p.id from forum_post p join forum_thread t on t.id = p.thread_id where t.partnership_id = ${demo.tableId} and t.title like ${`${title}%`} and p.position = ${position}`);
const threadUrl = async (demo: Demo) => `/network/threads/${await meetingThread(demo)}`;

export const forumCases: CaseBook = {
  "routes/network/_index.tsx": [
    { name: "choose the digest rhythm", kind: "action", as: "pivot.cjq@filet.test", url: () => "/network", body: (_demo, variant) => ({ intent: "digest", digest: variant % 2 ? "weekly" : "daily" }) },
  ],
  "routes/network/spaces.new.tsx": [
    {
      name: "create a working-group space",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/network/spaces/new",
      body: (_demo, variant) => ({ name: `Groupe de travail ${variant}`, description: "Relecture d'une section du guide.", posting: "members" }),
    },
  ],
  "routes/network/spaces.$spaceId.tsx": (() => {
    const url = async (demo: Demo) => `/network/spaces/${await networkSpace(demo)}`;
    return [
      { name: "start a thread", kind: "create", as: "pivot.cjq@filet.test", url, body: (_demo, variant) => ({ intent: "thread", title: `Partage de pratique ${variant}`, body: "Comment organisez-vous vos retours ?" }) },
      // The same form, multipart with an attachment (the files store's types and size).
      {
        name: "start a thread with an attachment",
        kind: "create",
        as: "pivot.cjq@filet.test",
        url,
        file: { field: "attachment" },
        body: (_demo, variant) => ({ intent: "thread", title: `Gabarit partagé ${variant}`, body: "Le gabarit est joint." }),
      },
      { name: "set the space's notification level", kind: "action", as: "pivot.cjq@filet.test", url, body: (_demo, variant) => ({ intent: "level", level: variant % 2 ? "watching" : "muted" }) },
    ];
  })(),
  "routes/network/threads.$threadId.tsx": [
    { name: "reply in a thread", kind: "create", as: "pivot.cjq@filet.test", url: threadUrl, body: (_demo, variant) => ({ intent: "reply", body: `Je serai présente (${variant}).`, quote: "" }) },
    { name: "reply with an attachment", kind: "create", as: "pivot.cjq@filet.test", url: threadUrl, file: { field: "attachment" }, body: (_demo, variant) => ({ intent: "reply", body: `Le document est joint (${variant}).`, quote: "" }) },
    {
      name: "report a post",
      kind: "create",
      as: "pivot.cjq@filet.test",
      url: threadUrl,
      // One report per person and post while it is open: each submission reports another post by someone else.
      body: async (demo) => ({
        intent: "report",
        postId: await demo.one(
          sql`select p.id from forum_post p join person a on a.id = p.author_person_id where p.thread_id = ${await meetingThread(demo)} and a.email <> 'pivot.cjq@filet.test' and p.hidden_at is null and not exists (select 1 from forum_report r join person rp on rp.id = r.reporter_person_id where r.post_id = p.id and rp.email = 'pivot.cjq@filet.test') order by p.position limit 1`,
        ),
        reason: "other",
        note: "À vérifier.",
      }),
    },
    { name: "set the thread's notification level", kind: "action", as: "pivot.cjq@filet.test", url: threadUrl, body: (_demo, variant) => ({ intent: "level", level: variant % 2 ? "watching" : "normal" }) },
    {
      name: "pin a thread",
      kind: "edit",
      as: "coordination@filet.test",
      url: threadUrl,
      body: async (demo) => ({ intent: "pin", version: String(await demo.one<number>(sql`select version from forum_thread where id = ${await meetingThread(demo)}`)) }),
    },
  ],
  "routes/network/posts.$postId.edit.tsx": (() => {
    const post = (demo: Demo) => postOf(demo, "Relève des pivots pendant les fêtes", 2);
    return [
      {
        name: "edit one's post",
        kind: "edit",
        as: "pivot.cjq@filet.test",
        url: async (demo: Demo) => `/network/posts/${await post(demo)}/edit`,
        body: async (demo: Demo, variant: number) => ({ body: `C'est fait pour moi (${variant}).`, version: String(await demo.one<number>(sql`select version from forum_post where id = ${await post(demo)}`)) }),
      },
    ];
  })(),
  "routes/network/notifications.tsx": [{ name: "mark all notifications read", kind: "action", as: "pivot.cjq@filet.test", url: () => "/network/notifications", body: () => ({ intent: "readAll" }) }],
  "routes/network/moderation.tsx": [
    {
      name: "hide a reported post",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/network/moderation",
      body: async (demo, variant) => {
        const id = await demo.one(sql`select id from forum_report where partnership_id = ${demo.tableId} and status = 'open' order by created_at limit 1`);
        return { intent: "hide", reportId: id, version: String(await demo.one<number>(sql`select version from forum_report where id = ${id}`)), reason: `Hors sujet (${variant})` };
      },
    },
  ],
};

/**
 * A fresh open proposal (a copy of the demo's open one, in a new thread) on which pivot.cjq has
 * not voted: each case's first vote creates a vote row (a changed vote would create none).
 */
const freshProposal = (demo: Demo) =>
  demo.one(sql`
    with src as (
      select p.* from forum_proposal p join forum_thread t on t.id = p.thread_id
      where p.partnership_id = ${demo.tableId} and p.status = 'open' and t.title like 'Proposition : un résumé hebdomadaire%' limit 1
    ), th as (
      insert into forum_thread (partnership_id, space_id, title, author_person_id, post_count, search_text)
      select partnership_id, space_id, 'Proposition du harnais', author_person_id, 0, 'proposition du harnais' from src returning id
    )
    insert into forum_proposal (partnership_id, space_id, thread_id, author_person_id, closes_at)
    select src.partnership_id, src.space_id, th.id, src.author_person_id, now() + interval '6 days' from src, th returning id`);

/** Proposals (issue 14 §6): put one; vote on the demo's open one (a second vote carries the vote's version). */
export const proposalCases: CaseBook = {
  "routes/network/proposals.new.tsx": [
    {
      name: "put a proposal",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/network/proposals/new",
      body: async (demo, variant) => ({
        spaceId: await networkSpace(demo),
        title: `Proposition ${variant}`,
        body: "Adopter le gabarit commun de compte rendu.",
        closesOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
        closesAtTime: "17:00",
      }),
    },
  ],
  "routes/network/proposals.$proposalId.tsx": [
    {
      name: "vote on a proposal",
      kind: "action",
      as: "pivot.cjq@filet.test",
      url: async (demo) => `/network/proposals/${await freshProposal(demo)}`,
      body: (_demo, variant) => ({ intent: "vote", choice: variant % 2 ? "agree" : "abstain", reason: "" }),
    },
  ],
};
