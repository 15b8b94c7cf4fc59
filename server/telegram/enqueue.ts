/**
 * Queues the Telegram messages of a ticket transaction in that same transaction (R11): a ticket
 * action and its status messages commit together or not at all. Only for clients with a chat;
 * the text is made now, in the client's language, for the chat the client has now.
 */
import type { PendingEvent } from '../events/outbox.ts';
import type { Executor } from '../store/executor.ts';
import { telegramText } from './messages.ts';
import { noticesOf } from './notices.ts';
import { queueMessages } from './outbox-store.ts';

/** Queues a transaction's messages; resolves to how many. */
export type TelegramEnqueue = (trx: Executor, events: readonly PendingEvent[], at: number) => Promise<number>;

/** The enqueue step of a service whose public URL (for the portal link) is `publicUrl`, or null. */
export function telegramEnqueue(publicUrl: string | null): TelegramEnqueue {
  return async (trx, events, at) => {
    const notices = noticesOf(events);
    if (notices.length === 0) return 0;
    const clientIds = [...new Set(notices.map((n) => n.ticket.clientId))];
    const clients = await trx.selectFrom('clients').select(['id', 'language', 'telegram_chat_id']).where('id', 'in', clientIds).where('telegram_chat_id', 'is not', null).execute();
    const byId = new Map(clients.map((c) => [c.id, c]));
    const messages = notices.flatMap(({ ticket, notice }) => {
      const client = byId.get(ticket.clientId);
      if (client?.telegram_chat_id == null) return [];
      return [{ clientId: client.id, chatId: client.telegram_chat_id, ticketId: ticket.id, text: telegramText(client.language, ticket, notice, publicUrl) }];
    });
    await queueMessages(trx, messages, at);
    return messages.length;
  };
}
