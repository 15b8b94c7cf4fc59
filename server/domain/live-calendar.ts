import type { Calendar } from '../../shared/sla/index.ts';

/**
 * The service's support calendar as one object that every part holds (SLA evaluation, the
 * scheduler's paging "after hours", on-call, /api/v1/clock, the availability year): it answers
 * with whichever calendar it holds now, so a replacement reaches every consumer at once.
 */
export interface LiveCalendar extends Calendar {
  /** Answers with `next` from now on. */
  replace(next: Calendar): void;
}

/** A live calendar holding `initial`. */
export function createLiveCalendar(initial: Calendar): LiveCalendar {
  let current = initial;
  return {
    get zone() {
      return current.zone;
    },
    get config() {
      return current.config;
    },
    isWorkingTime: (at) => current.isWorkingTime(at),
    isWorkingDay: (at) => current.isWorkingDay(at),
    nextOpening: (at) => current.nextOpening(at),
    addWorkingTime: (from, ms) => current.addWorkingTime(from, ms),
    workingTimeBetween: (from, to) => current.workingTimeBetween(from, to),
    // What it holds now, as known at `at`: one evaluation counts on one calendar even if replaced meanwhile.
    asOf: (at) => current.asOf(at),
    replace(next) {
      current = next;
    },
  };
}
