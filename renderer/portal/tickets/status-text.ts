import type { Translate } from '../../../shared/i18n/index.ts';
import type { TicketSummary } from '../../../shared/model/index.ts';

/** A ticket's status as its customer reads it ("Support asked you a question", "Merged into #12"). */
export function statusText(t: Translate, ticket: Pick<TicketSummary, 'status' | 'duplicateOf'>): string {
  return ticket.status === 'merged' ? t('portal.status.merged', { number: ticket.duplicateOf ?? '?' }) : t(`portal.status.${ticket.status}`);
}
