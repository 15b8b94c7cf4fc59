import { IANAZone } from 'luxon';

/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;
/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

/** tzdata renamed Europe/Kiev to Europe/Kyiv in 2022; both spellings are accepted (ANCHORS 6). */
const ZONE_ALIASES: Readonly<Record<string, string>> = { 'Europe/Kiev': 'Europe/Kyiv' };

/** The canonical name of an IANA zone, or null when the runtime does not know it. */
export function canonicalZone(name: string): string | null {
  const zone = ZONE_ALIASES[name] ?? name;
  return IANAZone.isValidZone(zone) ? zone : null;
}

/**
 * Converts between instants and the wall clock of one IANA zone.
 *
 * A wall-clock time is written as "local ms": the epoch ms the same calendar date and time
 * would have in UTC. Local day n is the date of local ms n * DAY_MS.
 */
export interface ZoneClock {
  readonly zone: string;
  /** The zone's offset from UTC at an instant, in ms. */
  offsetAt(at: number): number;
  /**
   * The first instant at which the wall clock shows `local` or later. In a spring-forward gap that
   * is the moment of the jump; in a fall-back overlap, the first of the two occurrences.
   */
  firstInstantAt(local: number): number;
}

/** Builds the wall-clock converter for a canonical IANA zone name. */
export function zoneClock(zone: string): ZoneClock {
  const iana = IANAZone.create(zone);
  const offsetAt = (at: number): number => iana.offset(at) * MINUTE_MS;

  const firstInstantAt = (local: number): number => {
    // Offsets near `local` (transitions are months apart, so a day either side sees them all).
    const guess = local - offsetAt(local);
    const offsets = new Set([offsetAt(guess - DAY_MS), offsetAt(guess), offsetAt(guess + DAY_MS)]);
    let best = Number.POSITIVE_INFINITY;
    for (const offset of offsets) {
      const at = local - offset;
      if (offsetAt(at) === offset && at < best) best = at;
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    // `local` falls in a gap: find the jump between the instant that shows earlier and the one
    // that shows later. Transitions fall on whole minutes, so bisect in minutes.
    const sorted = [...offsets].sort((a, b) => b - a);
    let lo = local - (sorted[0] ?? 0); // shows a time before `local`
    let hi = local - (sorted[sorted.length - 1] ?? 0); // shows a time after `local`
    lo = Math.floor(lo / MINUTE_MS);
    hi = Math.ceil(hi / MINUTE_MS);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const at = mid * MINUTE_MS;
      if (at + offsetAt(at) >= local) hi = mid;
      else lo = mid;
    }
    return hi * MINUTE_MS;
  };

  return { zone, offsetAt, firstInstantAt };
}

/** Local day number (days since 1970-01-01) of a 'YYYY-MM-DD' date. */
export function dayNumberOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a local day number. */
export function isoWeekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Minutes after midnight of an 'HH:mm' time; '24:00' is 1440. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
