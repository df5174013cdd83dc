import type { Database } from "../db/client.server.ts";

/**
 * What must follow, in the same transaction, a change of a name others copy (an organization's,
 * a site's, a person's): the directory keeps a denormalized search text of them. The caller
 * (the route) passes the directory's refresh, so governance and people need not know the
 * directory, which reads them.
 */
export type Reindex = (tx: Database, changed: { organizationId?: string; siteId?: string; personId?: string }) => Promise<unknown>;
