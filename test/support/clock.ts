/** A clock tests move by hand: every "now" of the service under test comes from it. */
export interface FakeClock {
  readonly now: () => number;
  set(at: number | string): void;
  advance(ms: number): void;
}

/** Wednesday 2026-11-25 10:00 in Kyiv (UTC+2 in winter): working time. */
export const WORKING_HOURS = Date.parse('2026-11-25T08:00:00Z');
/** Saturday 2026-11-28 03:00 in Kyiv: outside working hours, not a working day. */
export const SATURDAY_3AM = Date.parse('2026-11-28T01:00:00Z');

/** A fake clock starting at `start`. */
export function fakeClock(start: number = WORKING_HOURS): FakeClock {
  let t = start;
  return {
    now: () => t,
    set: (at) => {
      t = typeof at === 'number' ? at : Date.parse(at);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
