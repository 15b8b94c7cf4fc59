/**
 * The Telegram status channel (R11) in the contract: a client's chat id, as admins set it, and
 * the outbox as admins watch it (GET /api/v1/admin/telegram, POST /api/v1/admin/telegram/:id/retry).
 * The bot token is configuration of the service and never crosses the API.
 */
import { z } from 'zod';
import { idParam, idSchema } from './ids.ts';

const id = idSchema;
const instant = z.number().int().describe('epoch milliseconds');

/**
 * A Telegram chat id: an integer (a person's chat positive, a group's negative, a supergroup's or
 * channel's -100...) of at most 16 digits, or a public channel's @username (5-32 letters, digits, _).
 */
export const TELEGRAM_CHAT_ID_PATTERN = /^(?:-?[1-9][0-9]{0,15}|@[A-Za-z0-9_]{5,32})$/;

/** A chat id as admins set it (surrounding spaces are dropped). */
export const telegramChatIdSchema = z
  .string()
  .trim()
  .regex(
    TELEGRAM_CHAT_ID_PATTERN,
    'must be a Telegram chat id: an integer (negative for groups; supergroups and channels start with -100) or @channelusername (5-32 letters, digits or _)',
  );

/** A message that could not be sent within a day, as admins see it. */
export const telegramFailedMessageSchema = z.object({
  id,
  client: z.object({ id, name: z.string() }),
  chatId: z.string().describe('the chat it was queued for'),
  ticket: z.object({ id, number: id, subject: z.string() }).nullable(),
  text: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable().describe("the Bot API's answer or the network error of the last attempt"),
  queuedAt: instant,
  failedAt: instant,
});

/** GET /api/v1/admin/telegram response. */
export const telegramStatusResponseSchema = z.object({
  configured: z.boolean().describe('whether this service has a bot token (the token itself is never returned)'),
  queued: z.number().int().nonnegative().describe('messages waiting to be sent'),
  failed: z.number().int().nonnegative().describe('messages that failed (not sent within a day)'),
  failedMessages: z.array(telegramFailedMessageSchema).readonly().describe('the newest 100 failed messages, newest first'),
});

/** :id of an outbox message. */
export const telegramMessageParamsSchema = z.strictObject({ id: idParam('message') });

/** POST /api/v1/admin/telegram/:id/retry response: the message is queued again, for the client's chat as set now. */
export const telegramRetryResponseSchema = z.object({ id, state: z.literal('queued'), chatId: z.string() });

/** A failed Telegram message, as admins see it. */
export type TelegramFailedMessage = z.infer<typeof telegramFailedMessageSchema>;
/** The outbox as admins see it. */
export type TelegramStatus = z.infer<typeof telegramStatusResponseSchema>;
