import { DateTime } from 'luxon';
import { unparse } from 'papaparse';
import type { OutageSummary } from '../../../shared/model/outages.ts';
import { isOverlong, outageDurationMs } from '../../../shared/outage/index.ts';

/** Local text of an instant in the support zone: sortable, and what a spreadsheet reads as a date. */
const LOCAL = 'yyyy-MM-dd HH:mm:ss';

/** The CSV's columns; the two instants name the zone their local text is in. */
export function outageCsvColumns(zone: string): readonly string[] {
  return ['id', 'groups', `start (${zone})`, `restored (${zone})`, 'duration_minutes', 'overlong', 'excluded', 'reason', 'tickets', 'summary'];
}

/** One row per outage: open ones count their downtime up to `now`; minutes to two decimals. */
export function outageCsvRows(outages: readonly OutageSummary[], options: { readonly zone: string; readonly now: number }): readonly (readonly (string | number | boolean)[])[] {
  const local = (ms: number): string => DateTime.fromMillis(ms, { zone: options.zone }).toFormat(LOCAL);
  return outages.map((o) => [
    o.id,
    o.groups.join(' '),
    local(o.startedAt),
    o.restoredAt === null ? '' : local(o.restoredAt),
    Math.round(outageDurationMs(o, options.now) / 600) / 100,
    isOverlong(o, options.now),
    o.excluded,
    o.exclusionReason ?? '',
    o.ticketCount,
    o.summary,
  ]);
}

/**
 * The year's outages as CSV text (RFC 4180: fields with commas, quotes or line breaks quoted, every
 * record ended by CRLF). Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe: summaries and reasons are typed by people.
 */
export function outageCsv(outages: readonly OutageSummary[], options: { readonly zone: string; readonly now: number }): string {
  const text = unparse(
    { fields: [...outageCsvColumns(options.zone)], data: outageCsvRows(outages, options).map((r) => [...r]) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  // unparse ends the header alone with a line break but not the last row: end every record alike.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
