/** canned_replies: reading and writing canned replies (docs/canned-replies.md). */
import type { CannedReply, CannedReplyFields, CannedReplyFilter, CannedReplyPatch } from '../../shared/api/index.ts';
import type { Executor } from './executor.ts';

function select(db: Executor) {
  return db
    .selectFrom('canned_replies as c')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as uu', 'uu.id', 'c.updated_by')
    .select(['c.id', 'c.title', 'c.body', 'c.language', 'c.tier', 'c.created_by', 'cu.name as created_name', 'c.created_at', 'c.updated_by', 'uu.name as updated_name', 'c.updated_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const toReply = (r: Row): CannedReply => ({
  id: r.id,
  title: r.title,
  body: r.body,
  language: r.language,
  tier: r.tier,
  createdBy: r.created_by === null ? null : { id: r.created_by, name: r.created_name ?? '' },
  createdAt: Number(r.created_at),
  updatedBy: r.updated_by === null ? null : { id: r.updated_by, name: r.updated_name ?? '' },
  updatedAt: Number(r.updated_at),
});

/** Replies matching `filter` (a tier: its own and the every-team ones), by language, every-team first, title, id. */
export async function listCannedReplies(db: Executor, filter: CannedReplyFilter): Promise<CannedReply[]> {
  let query = select(db);
  if (filter.language !== undefined) query = query.where('c.language', '=', filter.language);
  const { tier } = filter;
  if (tier !== undefined) query = query.where((eb) => eb.or([eb('c.tier', 'is', null), eb('c.tier', '=', tier)]));
  const rows = await query.orderBy('c.language').orderBy('c.id').execute();
  // Sorted here, so both engines order titles alike (collations differ).
  return rows.map(toReply).sort((a, b) => a.language.localeCompare(b.language) || Number(a.tier !== null) - Number(b.tier !== null) || (a.tier ?? '').localeCompare(b.tier ?? '') || a.title.localeCompare(b.title, a.language) || a.id - b.id);
}

/** One reply, or undefined. */
export async function cannedReplyById(db: Executor, id: number): Promise<CannedReply | undefined> {
  const row = await select(db).where('c.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toReply(row);
}

/** Stores a new reply; its id. */
export async function insertCannedReply(db: Executor, fields: CannedReplyFields, by: number | null, at: number): Promise<number> {
  const row = await db
    .insertInto('canned_replies')
    .values({ title: fields.title, body: fields.body, language: fields.language, tier: fields.tier, created_by: by, created_at: at, updated_by: by, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a reply; whether it existed. */
export async function updateCannedReply(db: Executor, id: number, patch: CannedReplyPatch, by: number, at: number): Promise<boolean> {
  const result = await db
    .updateTable('canned_replies')
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.tier !== undefined ? { tier: patch.tier } : {}),
      updated_by: by,
      updated_at: at,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a reply; whether it existed. */
export async function deleteCannedReply(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('canned_replies').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
