import { LANGUAGES, OPEN_STATUSES, type Language, type OutageTicket } from '../../../shared/model/index.ts';

/** What the agent wrote: one text for every ticket, or one per language (each ticket gets its customer's). */
export type ReplyTexts = { readonly kind: 'one'; readonly text: string } | { readonly kind: 'per-language'; readonly texts: Readonly<Record<Language, string>> };

/** One reply to send. */
export interface PlannedReply {
  readonly ticket: OutageTicket;
  readonly body: string;
}

/** The replies to send and the tickets left out because they are not open (a resolved or merged ticket takes no reply). */
export interface ReplyPlan {
  readonly send: readonly PlannedReply[];
  readonly notOpen: readonly OutageTicket[];
  /** Languages of open tickets that have no text yet (per-language only): nothing is sent until each has one. */
  readonly missing: readonly Language[];
}

/** The open linked tickets per language, for the per-language form. */
export function openTicketsByLanguage(tickets: readonly OutageTicket[]): Readonly<Record<Language, number>> {
  const counts = { ru: 0, uk: 0, en: 0 } satisfies Record<Language, number>;
  for (const t of tickets) if (OPEN_STATUSES.includes(t.status)) counts[t.language]++;
  return counts;
}

/** One reply per open linked ticket, in its customer's language when the agent wrote three (R10). */
export function replyPlan(tickets: readonly OutageTicket[], texts: ReplyTexts): ReplyPlan {
  const open = tickets.filter((t) => OPEN_STATUSES.includes(t.status));
  const notOpen = tickets.filter((t) => !OPEN_STATUSES.includes(t.status));
  const bodyOf = (t: OutageTicket): string => (texts.kind === 'one' ? texts.text : texts.texts[t.language]).trim();
  const counts = openTicketsByLanguage(tickets);
  const missing = texts.kind === 'one' ? (open.length > 0 && texts.text.trim() === '' ? LANGUAGES.filter((l) => counts[l] > 0) : []) : LANGUAGES.filter((l) => counts[l] > 0 && texts.texts[l].trim() === '');
  return { send: missing.length > 0 ? [] : open.map((ticket) => ({ ticket, body: bodyOf(ticket) })), notOpen, missing };
}
