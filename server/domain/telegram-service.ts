/**
 * The Telegram outbox as admins watch it (docs/telegram.md): whether this service has a bot
 * token (never the token), how many messages wait and how many failed, the failed ones, and a
 * retry that queues a failed message again (audited in the admin audit).
 */
import type { TelegramStatus } from '../../shared/api/index.ts';
import type { Db } from '../db/index.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import { failedMessages, outboxCounts, outboxMessage, requeueMessage } from '../telegram/outbox-store.ts';
import type { Actor } from './actor.ts';
import { conflict, notFound } from './errors.ts';

/** The failed messages a status lists. */
const FAILED_SHOWN = 100;

/** The admin side of the Telegram channel. */
export type TelegramService = ReturnType<typeof createTelegramService>;

/** Builds it; `configured` says whether this instance has a token, `wake` starts its sender. */
export function createTelegramService(deps: { readonly db: Db; readonly now: () => number; readonly configured: boolean; readonly wake: () => void }) {
  const { db } = deps;
  return {
    /** Counts and the newest failed messages. */
    async status(): Promise<TelegramStatus> {
      const [counts, failed] = await Promise.all([outboxCounts(db.kysely), failedMessages(db.kysely, FAILED_SHOWN)]);
      return { configured: deps.configured, ...counts, failedMessages: failed };
    },

    /**
     * Queues failed message `id` again, for the client's chat as it is set now (an admin who
     * fixed the chat id retries into the right chat), with a fresh day and a fresh backoff.
     */
    async retry(actor: Actor, id: number): Promise<{ id: number; state: 'queued'; chatId: string }> {
      const chatId = await db.kysely.transaction().execute(async (trx) => {
        const message = await outboxMessage(trx, id);
        if (message === undefined) throw notFound(`no Telegram message ${id}`);
        if (!deps.configured) throw conflict('this service has no Telegram bot token, so nothing would send the message; start it with --telegram-token or DUTYDESK_TELEGRAM_TOKEN');
        if (message.state !== 'failed') throw conflict(`Telegram message ${id} is ${message.state}; only failed messages are retried`);
        const client = await trx.selectFrom('clients').select(['name', 'telegram_chat_id']).where('id', '=', message.clientId).executeTakeFirstOrThrow();
        if (client.telegram_chat_id === null) throw conflict(`client ${client.name} has no Telegram chat now; set one first`);
        const now = deps.now();
        if (!(await requeueMessage(trx, id, client.telegram_chat_id, now))) throw conflict(`Telegram message ${id} was retried meanwhile`);
        await writeAdminAudit(trx, {
          actorId: actor.id,
          action: 'telegram_retried',
          targetKind: 'client',
          targetId: message.clientId,
          detail: { messageId: id, ticketId: message.ticketId, chatId: client.telegram_chat_id, ...(client.telegram_chat_id !== message.chatId ? { queuedFor: message.chatId } : {}) },
          at: now,
        });
        return client.telegram_chat_id;
      });
      deps.wake();
      return { id, state: 'queued', chatId };
    },
  };
}
