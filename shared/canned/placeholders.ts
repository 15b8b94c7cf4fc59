/**
 * The placeholders of canned replies: `{customer}`, `{ticket}`, `{supportHours}`, `{agent}`.
 * A body may name only these (the service refuses any other when saving, so no half-filled text
 * reaches a customer); the console fills them for the ticket at hand in one pass.
 */
import { Info } from 'luxon';
import type { Language } from '../model/index.ts';
import type { CalendarConfig } from '../sla/index.ts';

/** Every placeholder a canned reply may use, in the order the editor lists them. */
export const PLACEHOLDERS = ['customer', 'ticket', 'supportHours', 'agent'] as const;
/** One placeholder's name. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What the placeholders stand for in one ticket. */
export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

/** `{name}`: a brace, a name (a letter, then letters, digits, _), a brace. Other braces are text. */
const TOKEN = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholder names `body` uses that are not placeholders, each once, in order of first use. */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(TOKEN)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !isPlaceholder(n)))];
}

/** `body` with each placeholder replaced by its value; values are inserted as they are, never read again. */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(TOKEN, (token, name: string) => (isPlaceholder(name) ? values[name] : token));
}

/** The working weekdays in words: runs of three or more as a range ("Mon–Fri"), others listed. */
function weekdaysText(workdays: readonly number[], lang: Language): string {
  const names = Info.weekdays('short', { locale: lang });
  const days = [...new Set(workdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  const name = (d: number): string => names[d - 1] ?? String(d);
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${name(run[0] ?? 1)}–${name(run[run.length - 1] ?? 1)}`] : run.map(name)))
    .join(', ');
}

/** The support hours a customer is told, in `lang`: e.g. "Mon–Fri 09:00–18:00 (Europe/Kyiv)". */
export function supportHoursText(calendar: Pick<CalendarConfig, 'zone' | 'open' | 'close' | 'workdays'>, lang: Language): string {
  return `${weekdaysText(calendar.workdays, lang)} ${calendar.open}–${calendar.close} (${calendar.zone})`;
}
