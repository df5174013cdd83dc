export const newsKinds = ["article", "guide_update"] as const;
export type NewsKind = (typeof newsKinds)[number];

export const NEWS_TITLE_MAX = 200;
export const NEWS_BODY_MAX = 8000;
/** News items per page of the feed. */
export const NEWS_PAGE_SIZE = 10;
