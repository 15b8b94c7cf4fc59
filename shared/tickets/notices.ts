/**
 * What the service itself writes into a conversation (a system message), as a code with its
 * values, so every reader sees it in their own language. The message's stored body is the English
 * text, for API clients and for messages written before notices existed.
 */
import { z } from 'zod';
import { translator, type Translate } from '../i18n/index.ts';

/** A system message's meaning. */
export const systemNoticeSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('resolved_without_reply') }),
  z.object({ code: z.literal('reopened_by_support') }),
  z.object({ code: z.literal('escalated'), justification: z.string() }),
  /** This ticket took in the messages of duplicate `number` (R15). */
  z.object({ code: z.literal('merged_here'), number: z.number().int().positive(), subject: z.string() }),
  /** This ticket was merged into `number` (R15). */
  z.object({ code: z.literal('duplicate_of'), number: z.number().int().positive() }),
]);
/** A system message's meaning. */
export type SystemNotice = z.infer<typeof systemNoticeSchema>;

/** The notice in the reader's language. */
export function noticeText(t: Translate, notice: SystemNotice): string {
  switch (notice.code) {
    case 'resolved_without_reply':
      return t('notice.resolvedWithoutReply');
    case 'reopened_by_support':
      return t('notice.reopenedBySupport');
    case 'escalated':
      return t('notice.escalated', { justification: notice.justification });
    case 'merged_here':
      return t('notice.mergedHere', { number: notice.number, subject: notice.subject });
    case 'duplicate_of':
      return t('notice.duplicateOf', { number: notice.number });
  }
}

const english = translator('en');

/** The system message a command writes: the notice, and its English text as the stored body. */
export function systemMessage(notice: SystemNotice): { readonly type: 'system'; readonly body: string; readonly notice: SystemNotice; readonly system: true } {
  return { type: 'system', body: noticeText(english, notice), notice, system: true };
}

/** A stored notice (JSON) read back; null when absent or not one this version knows, so the body is shown. */
export function storedNotice(json: string | null): SystemNotice | null {
  if (json === null) return null;
  try {
    const parsed = systemNoticeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
