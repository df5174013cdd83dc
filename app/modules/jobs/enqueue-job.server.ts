import { sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { job } from "./tables.ts";

export interface EnqueueOptions {
  runAt?: Date;
  /** While a job with this name and key is queued or running, enqueueing it again does nothing. */
  singletonKey?: string;
  maxAttempts?: number;
}

/** Queues durable work. Call it inside the transaction of the change that needs it. */
export async function enqueueJob(
  db: Database,
  name: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<string | null> {
  const rows = await db
    .insert(job)
    .values({
      name,
      payload,
      runAt: options.runAt ?? new Date(),
      singletonKey: options.singletonKey ?? null,
      maxAttempts: options.maxAttempts ?? 5,
    })
    .onConflictDoNothing({
      target: [job.name, job.singletonKey],
      where: sql`status in ('queued', 'running') and singleton_key is not null`,
    })
    .returning({ id: job.id });
  return rows[0]?.id ?? null;
}
