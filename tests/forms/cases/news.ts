import { sql } from "drizzle-orm";
import type { CaseBook, Demo } from "../harness.ts";

/**
 * News on practices (/network/news, issue 14 §4): publish an article, edit the demo's latest
 * article, archive one. Archiving hides the item, so each archive case works on a fresh article
 * (version 1) made on the spot; the demo's items (app/modules/demo/seed-news.server.ts) stay.
 */
const latestArticle = (demo: Demo) => demo.one(sql`select id from news_item where partnership_id = ${demo.tableId} and kind = 'article' and title like 'Retour sur la journée%' limit 1`);

const freshArticle = (demo: Demo) =>
  demo.one(sql`
    insert into news_item (partnership_id, kind, title, body, author_person_id)
    select ${demo.tableId}, 'article', 'Nouvelle du harnais', 'À archiver.', id from person where partnership_id = ${demo.tableId} and email = 'coordination@filet.test'
    returning id`);

export const newsCases: CaseBook = {
  "routes/network/news.new.tsx": [
    {
      name: "publish a news item",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/network/news/new",
      body: (_demo, variant) => ({ title: `Nouvelle pratique ${variant}`, body: "Un premier contact dans les 48 heures." }),
    },
  ],
  "routes/network/news.$newsId.edit.tsx": [
    {
      name: "edit a news item",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/network/news/${await latestArticle(demo)}/edit`,
      body: async (demo, variant) => ({
        title: `Retour sur la journée d'échange des pivots (${variant})`,
        body: "Merci aux pivots présents.",
        version: String(await demo.one<number>(sql`select version from news_item where id = ${await latestArticle(demo)}`)),
      }),
    },
  ],
  "routes/network/news.$newsId.tsx": [
    {
      name: "archive a news item",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/network/news/${await freshArticle(demo)}`,
      body: () => ({ intent: "archive", version: "1" }),
    },
  ],
};
