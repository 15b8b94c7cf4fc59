/**
 * The text of a Telegram status message (R11), in the client's language: the ticket's number and
 * subject, what happened, and the portal link when the service knows its public URL. Plain text
 * (sent without parse_mode), so nothing a customer or agent wrote needs escaping.
 */
import { assertNever } from '../../shared/assert-never.ts';
import { tierName, translate } from '../../shared/i18n/index.ts';
import type { Language } from '../../shared/model/index.ts';
import type { TelegramNotice } from './notices.ts';

/** The longest question quoted; the portal shows it whole. Telegram takes up to 4096 characters. */
export const MAX_QUESTION_CHARS = 1000;

/** `text` cut to `max` characters (whole code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The portal page of a ticket on a service at `publicUrl` (no trailing slash). */
export function portalLink(publicUrl: string, ticketId: number): string {
  return `${publicUrl}/portal#/tickets/${ticketId}`;
}

/** The message for `notice` about `ticket`, in `lang`; `publicUrl` null: no link. */
export function telegramText(lang: Language, ticket: { readonly id: number; readonly number: number; readonly subject: string }, notice: TelegramNotice, publicUrl: string | null): string {
  const base = { number: String(ticket.number), subject: ticket.subject };
  const body = ((): string => {
    switch (notice.kind) {
      case 'received':
        return translate(lang, 'telegram.msg.received', base);
      case 'in_work':
        return translate(lang, 'telegram.msg.inWork', base);
      case 'question':
        return translate(lang, 'telegram.msg.question', { ...base, question: clip(notice.question, MAX_QUESTION_CHARS) });
      case 'routed':
        return translate(lang, 'telegram.msg.routed', { ...base, tier: tierName(lang, notice.tier) });
      case 'escalated':
        return translate(lang, 'telegram.msg.escalated', base);
      case 'resolved':
        return translate(lang, 'telegram.msg.resolved', base);
      case 'reopened':
        return translate(lang, 'telegram.msg.reopened', base);
      case 'merged':
        return translate(lang, 'telegram.msg.merged', { ...base, into: notice.into === null ? '?' : String(notice.into) });
      default:
        return assertNever(notice, 'telegram notice');
    }
  })();
  if (publicUrl === null) return body;
  // A merged ticket's conversation continues in its original.
  const target = notice.kind === 'merged' && notice.into !== null ? notice.into : ticket.id;
  return `${body}\n${translate(lang, 'telegram.msg.link', { url: portalLink(publicUrl, target) })}`;
}
