/** admin_audit: append-only; every administrative change, who made it and when (never a password or its hash). */
import type { Executor } from './executor.ts';

/** One administrative change. */
export interface AdminAuditEntry {
  readonly actorId: number | null;
  /** What was done: 'setup', ... */
  readonly action: string;
  /** What it was done to: 'setup', 'agent', 'client', 'calendar', ... */
  readonly targetKind: string;
  readonly targetId: number | null;
  /** What changed, as JSON. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly at: number;
}

/** Appends an entry. */
export async function insertAdminAudit(ex: Executor, e: AdminAuditEntry): Promise<void> {
  await ex
    .insertInto('admin_audit')
    .values({ actor_id: e.actorId, action: e.action, target_kind: e.targetKind, target_id: e.targetId, detail: JSON.stringify(e.detail), at: e.at })
    .execute();
}
