/**
 * Canned replies (docs/canned-replies.md): every agent reads them; admins and managers create,
 * edit and delete them, each change written to the admin audit in its own transaction. The
 * placeholder rule is checked by the request schemas (shared/api/canned.ts) before this runs.
 */
import type { CannedReply, CannedReplyFields, CannedReplyFilter, CannedReplyPatch } from '../../shared/api/index.ts';
import type { Db } from '../db/index.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import { cannedReplyById, deleteCannedReply, insertCannedReply, listCannedReplies, updateCannedReply } from '../store/canned.ts';
import type { Executor } from '../store/executor.ts';
import { changes } from './accounts.ts';
import type { Actor } from './actor.ts';
import { notFound } from './errors.ts';

/** The canned replies service. */
export type CannedService = ReturnType<typeof createCannedService>;

/** Builds it. */
export function createCannedService(deps: { readonly db: Db; readonly now: () => number }) {
  const { db } = deps;

  async function replyOrThrow(ex: Executor, id: number): Promise<CannedReply> {
    const reply = await cannedReplyById(ex, id);
    if (reply === undefined) throw notFound(`no canned reply ${id}`);
    return reply;
  }

  return {
    /** Replies matching `filter`. */
    list: (filter: CannedReplyFilter): Promise<CannedReply[]> => listCannedReplies(db.kysely, filter),

    /** Stores a new reply. */
    async create(actor: Actor, fields: CannedReplyFields): Promise<CannedReply> {
      return db.kysely.transaction().execute(async (trx) => {
        const now = deps.now();
        const id = await insertCannedReply(trx, fields, actor.id, now);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'canned_reply_created', targetKind: 'canned_reply', targetId: id, detail: { ...fields }, at: now });
        return replyOrThrow(trx, id);
      });
    },

    /** Changes a reply; 404 when there is none. */
    async update(actor: Actor, id: number, patch: CannedReplyPatch): Promise<CannedReply> {
      return db.kysely.transaction().execute(async (trx) => {
        const before = await replyOrThrow(trx, id);
        const now = deps.now();
        await updateCannedReply(trx, id, patch, actor.id, now);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'canned_reply_updated', targetKind: 'canned_reply', targetId: id, detail: { title: before.title, changes: changes(before, patch) }, at: now });
        return replyOrThrow(trx, id);
      });
    },

    /** Deletes a reply; 404 when there is none. The audit keeps what it said. */
    async remove(actor: Actor, id: number): Promise<{ id: number; deleted: true }> {
      return db.kysely.transaction().execute(async (trx) => {
        const before = await replyOrThrow(trx, id);
        await deleteCannedReply(trx, id);
        await writeAdminAudit(trx, {
          actorId: actor.id,
          action: 'canned_reply_deleted',
          targetKind: 'canned_reply',
          targetId: id,
          detail: { title: before.title, body: before.body, language: before.language, tier: before.tier },
          at: deps.now(),
        });
        return { id, deleted: true as const };
      });
    },
  };
}
