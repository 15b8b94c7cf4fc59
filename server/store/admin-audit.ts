/**
 * The admin audit (admin_audit): append-only, one row per administrative change, written in the
 * transaction of the change itself so a change is never without its entry. Never holds a password
 * or a hash: `detail` keys naming secrets are refused.
 */
import type { AdminAuditEntry } from '../../shared/api/index.ts';
import type { Executor } from './executor.ts';

/** One administrative change. */
export interface AdminAuditRecord {
  /** Who made it; null for the service itself (first start, the CLI). */
  readonly actorId: number | null;
  /** What was done, e.g. 'agent_created', 'setup', 'calendar_changed'. */
  readonly action: string;
  /** What kind of thing was changed: 'agent', 'customer', 'client', 'calendar', 'setup'... */
  readonly targetKind: string;
  readonly targetId: number | null;
  /** What changed, as JSON-able data (before/after values, names); never a password. */
  readonly detail: Readonly<Record<string, unknown>>;
  readonly at: number;
}

/** Keys a detail must never carry (checked at any depth). */
const SECRET_KEY = /password|hash|token|secret/i;

function assertNoSecret(value: unknown, path: string): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) throw new Error(`admin audit: detail.${path}${key} looks like a secret; the audit never holds one`);
    assertNoSecret(inner, `${path}${key}.`);
  }
}

/** Appends one entry; run it in the change's own transaction. */
export async function writeAdminAudit(db: Executor, record: AdminAuditRecord): Promise<void> {
  assertNoSecret(record.detail, '');
  await db
    .insertInto('admin_audit')
    .values({ actor_id: record.actorId, action: record.action, target_kind: record.targetKind, target_id: record.targetId, detail: JSON.stringify(record.detail), at: record.at })
    .execute();
}

/** Which entries to read: every field narrows; newest first. */
export interface AdminAuditQuery {
  readonly actor?: number;
  readonly action?: string;
  readonly targetKind?: string;
  readonly targetId?: number;
  /** Inclusive. */
  readonly from?: number;
  /** Exclusive. */
  readonly to?: number;
  /** Only entries with a smaller id (paging). */
  readonly before?: number;
  readonly limit: number;
}

/** Entries matching `q`, newest first, with actor and target names. */
export async function readAdminAudit(db: Executor, q: AdminAuditQuery): Promise<AdminAuditEntry[]> {
  let query = db
    .selectFrom('admin_audit as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_id')
    .leftJoin('users as tu', (j) => j.onRef('tu.id', '=', 'a.target_id').on('a.target_kind', 'in', ['agent', 'customer']))
    .leftJoin('clients as tc', (j) => j.onRef('tc.id', '=', 'a.target_id').on('a.target_kind', '=', 'client'))
    .select(['a.id', 'a.actor_id', 'actor.name as actor_name', 'a.action', 'a.target_kind', 'a.target_id', 'tu.name as user_name', 'tc.name as client_name', 'a.detail', 'a.at']);
  if (q.actor !== undefined) query = query.where('a.actor_id', '=', q.actor);
  if (q.action !== undefined) query = query.where('a.action', '=', q.action);
  if (q.targetKind !== undefined) query = query.where('a.target_kind', '=', q.targetKind);
  if (q.targetId !== undefined) query = query.where('a.target_id', '=', q.targetId);
  if (q.from !== undefined) query = query.where('a.at', '>=', q.from);
  if (q.to !== undefined) query = query.where('a.at', '<', q.to);
  if (q.before !== undefined) query = query.where('a.id', '<', q.before);
  // Append-only: id order is the order the changes were made in (a demo clock's `at` may jump).
  const rows = await query.orderBy('a.id', 'desc').limit(q.limit).execute();
  return rows.map((r) => {
    const detail = JSON.parse(r.detail) as Record<string, unknown>;
    return {
      id: r.id,
      actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      targetName: r.user_name ?? r.client_name ?? (r.target_kind === 'canned_reply' ? cannedTitle(detail) : null),
      detail,
      at: r.at,
    };
  });
}

/** A canned reply's title as the entry left it (a deleted reply has no row to join). */
function cannedTitle(detail: Record<string, unknown>): string | null {
  const changes = detail.changes as { title?: { to?: unknown } } | undefined;
  const title = changes?.title?.to ?? detail.title;
  return typeof title === 'string' ? title : null;
}
