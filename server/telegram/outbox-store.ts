/**
 * The Telegram outbox in SQL (telegram_outbox): rows are queued in a ticket's transaction, and
 * senders (one per service instance, any number on one PostgreSQL) claim a chat's next message
 * with a conditional UPDATE (the lease) before sending it, so no two send the same message.
 */
import type { TelegramFailedMessage } from '../../shared/api/index.ts';
import type { Executor } from '../store/executor.ts';

/** A message still unsent this long after it was queued fails, and its chat moves on. */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;
/** What a failed message that was never tried says: it waited behind an earlier one of its chat. */
export const NOT_TRIED = 'not sent within a day: earlier messages to this chat were still being retried';

/** A message to queue. */
export interface OutboxMessage {
  readonly clientId: number;
  readonly chatId: string;
  readonly ticketId: number | null;
  readonly text: string;
}

/** A queued message as a sender reads it. */
export interface QueuedMessage {
  readonly id: number;
  readonly chatId: string;
  readonly text: string;
  readonly attempts: number;
}

/** Queues messages, in order (ids in commit order: the caller holds the event-sequence lock, server/events/outbox.ts). */
export async function queueMessages(ex: Executor, messages: readonly OutboxMessage[], at: number): Promise<void> {
  if (messages.length === 0) return;
  await ex
    .insertInto('telegram_outbox')
    .values(messages.map((m) => ({ client_id: m.clientId, chat_id: m.chatId, ticket_id: m.ticketId, text: m.text, state: 'queued' as const, next_attempt_at: at, created_at: at, queued_at: at })))
    .execute();
}

/**
 * The next message of each chat (or of `chatId`) that is due now: the chat's oldest queued
 * message, not waiting for a retry and not claimed by a sender. A chat whose next message waits
 * is skipped whole.
 */
export async function dueHeads(ex: Executor, now: number, limit: number, chatId?: string): Promise<QueuedMessage[]> {
  let query = ex.selectFrom('telegram_outbox as o');
  if (chatId !== undefined) query = query.where('o.chat_id', '=', chatId);
  const rows = await query
    .select(['o.id', 'o.chat_id', 'o.text', 'o.attempts'])
    .where('o.state', '=', 'queued')
    .where('o.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('o.lease_until', 'is', null), eb('o.lease_until', '<=', now)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('telegram_outbox as p').select('p.id').whereRef('p.chat_id', '=', 'o.chat_id').where('p.state', '=', 'queued').whereRef('p.id', '<', 'o.id'))),
    )
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, chatId: r.chat_id, text: r.text, attempts: r.attempts }));
}

/** Claims a queued message for `owner` until `until`; true for exactly one of several senders racing. */
export async function claimMessage(ex: Executor, id: number, owner: string, now: number, until: number): Promise<boolean> {
  const r = await ex
    .updateTable('telegram_outbox')
    .set({ lease_owner: owner, lease_until: until })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a message `owner` sent. */
export async function markSent(ex: Executor, id: number, owner: string, now: number): Promise<void> {
  await ex
    .updateTable('telegram_outbox')
    .set((eb) => ({ state: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), lease_owner: null, lease_until: null }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Records a failed attempt by `owner`: tried again from `nextAt`, or failed for good past its day. */
export async function markAttemptFailed(ex: Executor, id: number, owner: string, now: number, nextAt: number, error: string): Promise<void> {
  await ex
    .updateTable('telegram_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error, next_attempt_at: nextAt, lease_owner: null, lease_until: null }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
  await expireMessages(ex, now);
}

/** Marks failed every queued message unsent a day after it was queued (unless a sender holds it now); how many. */
export async function expireMessages(ex: Executor, now: number): Promise<number> {
  const r = await ex
    .updateTable('telegram_outbox')
    .set((eb) => ({ state: 'failed', failed_at: now, last_error: eb.fn.coalesce('last_error', eb.val(NOT_TRIED)), lease_owner: null, lease_until: null }))
    .where('state', '=', 'queued')
    .where('queued_at', '<=', now - GIVE_UP_AFTER_MS)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** How many messages are queued and failed. */
export async function outboxCounts(ex: Executor): Promise<{ queued: number; failed: number }> {
  const rows = await ex
    .selectFrom('telegram_outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', ['queued', 'failed'])
    .groupBy('state')
    .execute();
  const count = (state: string): number => Number(rows.find((r) => r.state === state)?.n ?? 0);
  return { queued: count('queued'), failed: count('failed') };
}

/** The newest `limit` failed messages, newest first, with their client and ticket. */
export async function failedMessages(ex: Executor, limit: number): Promise<TelegramFailedMessage[]> {
  const rows = await ex
    .selectFrom('telegram_outbox as o')
    .innerJoin('clients as c', 'c.id', 'o.client_id')
    .leftJoin('tickets as t', 't.id', 'o.ticket_id')
    .select(['o.id', 'o.client_id', 'c.name as client_name', 'o.chat_id', 'o.ticket_id', 't.subject', 'o.text', 'o.attempts', 'o.last_error', 'o.created_at', 'o.failed_at'])
    .where('o.state', '=', 'failed')
    .orderBy('o.failed_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    client: { id: r.client_id, name: r.client_name },
    chatId: r.chat_id,
    ticket: r.ticket_id === null ? null : { id: r.ticket_id, number: r.ticket_id, subject: r.subject ?? '' },
    text: r.text,
    attempts: r.attempts,
    lastError: r.last_error,
    queuedAt: r.created_at,
    failedAt: r.failed_at ?? r.created_at,
  }));
}

/** One message's state and client, or undefined. */
export async function outboxMessage(ex: Executor, id: number): Promise<{ id: number; clientId: number; ticketId: number | null; state: string; chatId: string } | undefined> {
  const r = await ex.selectFrom('telegram_outbox').select(['id', 'client_id', 'ticket_id', 'state', 'chat_id']).where('id', '=', id).executeTakeFirst();
  return r === undefined ? undefined : { id: r.id, clientId: r.client_id, ticketId: r.ticket_id, state: r.state, chatId: r.chat_id };
}

/** Queues a failed message again for `chatId` from `now` (a fresh day, fresh backoff); false when it is not failed (any more). */
export async function requeueMessage(ex: Executor, id: number, chatId: string, now: number): Promise<boolean> {
  const r = await ex
    .updateTable('telegram_outbox')
    .set({ state: 'queued', chat_id: chatId, attempts: 0, next_attempt_at: now, queued_at: now, failed_at: null, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
