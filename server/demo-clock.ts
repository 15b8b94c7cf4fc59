/**
 * The demo clock (`--demo --clock <instant>`, DUTYDESK_CLOCK): the service's "now" starts at a chosen
 * instant and runs forward at normal speed, so anyone can see the console at 02:00 on a Saturday.
 */
import { DateTime } from 'luxon';

/** An ISO 8601 instant with its offset: a date, a time to the minute at least, and `Z` or `±HH:MM`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant `text` names, in ms; throws a message for the user when it is not one (no offset, no such day...). */
export function parseInstant(text: string): number {
  // Without an offset the instant would depend on the machine's zone; luxon refuses impossible dates (02-30, 25:00).
  const parsed = ISO_INSTANT.test(text) ? DateTime.fromISO(text, { setZone: true }) : null;
  if (parsed === null || !parsed.isValid) throw new Error(`--clock ${JSON.stringify(text)} is not an ISO 8601 instant with an offset, e.g. 2026-11-28T02:00:00+02:00 or 2026-11-28T00:00:00Z`);
  return parsed.toMillis();
}

/** A clock that reads `instant` when `realNow()` first reads what it read at the call, and runs forward with it. */
export function startAt(instant: number, realNow: () => number): () => number {
  const shift = instant - realNow();
  return () => realNow() + shift;
}

/**
 * The service's clock from an optional `--clock`/DUTYDESK_CLOCK value: the real clock when absent;
 * a demo clock when given, which only demo data or a database without accounts yet (a trial of the
 * first start) may have: a real desk's history must not be rewritten.
 */
export function clockFrom(text: string | undefined, mayShift: boolean, realNow: () => number = Date.now): { now: () => number; kind: 'real' | 'demo' } {
  if (text === undefined) return { now: realNow, kind: 'real' };
  if (!mayShift) throw new Error('--clock is only allowed with --demo (demo data) or on a database without accounts (a trial); a real desk runs on the real clock');
  return { now: startAt(parseInstant(text), realNow), kind: 'demo' };
}
