import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../app/modules/db/client.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { recordAuditEvent, systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server.ts";

/**
 * The README's backup procedure for the embedded database, done for real: stop the app (close
 * the database), archive the data folder with tar, restore it elsewhere, open it, read back.
 */
describe.skipIf(!!process.env.DATABASE_URL)("backup and restore of the embedded data folder", () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "filet-backup-"));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it("restores every row and a valid audit chain from a tar of the stopped data folder", async () => {
    const dataDir = path.join(work, "data");
    const original = await openPglite(dataDir);
    await original.db.transaction(async (tx) => {
      await tx.insert(partnership).values({ slug: "backup-test", nameFr: "Table de sauvegarde", nameEn: "Backup Table" });
      await recordAuditEvent(tx, systemActor("backup-test"), { action: "partnership.created", targetType: "partnership" });
    });
    fs.writeFileSync(path.join(dataDir, "secret.key"), "kept-with-the-data-for-mfa-secrets");
    await original.close();
    expect(fs.existsSync(path.join(dataDir, "filet.lock")), "closing releases the folder").toBe(false);

    const archive = path.join(work, "filet-backup.tar.gz");
    execFileSync("tar", ["-czf", archive, "-C", work, "data"]);
    // The original is gone (disk lost): only the archive remains.
    fs.rmSync(dataDir, { recursive: true, force: true });

    const restoredParent = path.join(work, "restored");
    fs.mkdirSync(restoredParent);
    execFileSync("tar", ["-xzf", archive, "-C", restoredParent]);
    const restoredDir = path.join(restoredParent, "data");
    expect(fs.readFileSync(path.join(restoredDir, "secret.key"), "utf8")).toBe("kept-with-the-data-for-mfa-secrets");

    const restored = await openPglite(restoredDir);
    try {
      const rows = await restored.db.select().from(partnership).where(eq(partnership.slug, "backup-test"));
      expect(rows.map((r) => r.nameFr)).toEqual(["Table de sauvegarde"]);
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, count: 1, broken: [], truncated: false });
      // The restored copy is a live database, not a read-only snapshot.
      await restored.db.insert(partnership).values({ slug: "after-restore", nameFr: "Après", nameEn: "After" });
      expect(await restored.db.select().from(partnership)).toHaveLength(2);
    } finally {
      await restored.close();
    }
  });
});
