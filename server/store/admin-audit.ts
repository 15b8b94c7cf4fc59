/** The administrative audit log (admin_audit): append-only; never a password or its hash. */
import type { Executor } from './executor.ts';

/** One administrative change. */
export interface AdminAuditRecord {
  readonly actorId: number | null;
  /** What was done, e.g. 'calendar_changed'. */
  readonly action: string;
  /** What kind of thing it was done to, e.g. 'calendar'. */
  readonly targetKind: string;
  readonly targetId: number | null;
  /** What changed, stored as JSON. */
  readonly detail: unknown;
  readonly at: number;
}

/** Appends one entry to the administrative audit log. */
export async function recordAdminAudit(db: Executor, entry: AdminAuditRecord): Promise<void> {
  await db
    .insertInto('admin_audit')
    .values({ actor_id: entry.actorId, action: entry.action, target_kind: entry.targetKind, target_id: entry.targetId, detail: JSON.stringify(entry.detail), at: entry.at })
    .execute();
}
