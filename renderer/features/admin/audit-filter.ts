import { DateTime } from 'luxon';
import type { AdminAuditFilter } from '../../../shared/api/index.ts';

/** The audit filter as the form holds it: an actor's id, an action, and calendar days (yyyy-MM-dd) in the support zone. */
export interface AuditForm {
  readonly actor: number | null;
  readonly action: string;
  readonly fromDay: string;
  readonly toDay: string;
}

/** No filter: everything, newest first. */
export const NO_AUDIT_FILTER: AuditForm = { actor: null, action: '', fromDay: '', toDay: '' };

/**
 * The service's filter for the form: `from` the start of the first day, `to` the start of the day
 * after the last (the service's `to` is exclusive), both in `zone`; empty fields filter nothing.
 */
export function auditFilterOf(form: AuditForm, zone: string): AdminAuditFilter {
  const day = (text: string) => (text === '' ? null : DateTime.fromISO(text, { zone }));
  const from = day(form.fromDay);
  const to = day(form.toDay);
  return {
    ...(form.actor === null ? {} : { actor: form.actor }),
    ...(form.action === '' ? {} : { action: form.action }),
    ...(from?.isValid === true ? { from: from.startOf('day').toMillis() } : {}),
    ...(to?.isValid === true ? { to: to.startOf('day').plus({ days: 1 }).toMillis() } : {}),
  };
}
