import { createContext, useContext, useSyncExternalStore } from 'react';
import { createCalendar, type Calendar, type CalendarConfig } from '../../shared/sla/index.ts';

/**
 * One shared 1-second tick of the ticket service's time (our clock plus the measured offset), for
 * every countdown on screen: no per-row timers. The timer runs only while something listens.
 */
export interface ServerClock {
  subscribe(listener: () => void): () => void;
  now(): number;
  /** The service's clock minus ours, from measureClockOffset at connect. */
  setOffset(ms: number): void;
  /** The service's support calendar (R7): the SLA defaults until the service has said. */
  calendar(): Calendar;
  /** Adopts the calendar the service reports on GET /api/v1/clock. */
  setCalendar(config: CalendarConfig): void;
}

/** Creates a clock; `readNow` is the local clock (Date.now, faked in tests). */
export function createServerClock(readNow: () => number = () => Date.now()): ServerClock {
  let offset = 0;
  let current = readNow();
  let calendar = createCalendar();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = (): void => {
    current = readNow() + offset;
    for (const l of listeners) l();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        current = readNow() + offset;
        timer = setInterval(tick, 1000);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    now: () => current,
    setOffset(ms) {
      offset = ms;
      tick();
    },
    calendar: () => calendar,
    setCalendar(config) {
      if (JSON.stringify(config) === JSON.stringify(calendar.config)) return;
      calendar = createCalendar(config);
      tick();
    },
  };
}

/** The app's server clock. */
export const ServerClockContext = createContext<ServerClock | null>(null);

/** The app's server clock object. */
export function useServerClock(): ServerClock {
  const clock = useContext(ServerClockContext);
  if (clock === null) throw new Error('useServerClock outside ServerClockContext');
  return clock;
}

/** The service's "now", re-rendering once a second. */
export function useServerNow(): number {
  const clock = useServerClock();
  return useSyncExternalStore(clock.subscribe, clock.now);
}

/** The service's support calendar; re-renders when the service reports another. */
export function useSupportCalendar(): Calendar {
  const clock = useServerClock();
  return useSyncExternalStore(clock.subscribe, clock.calendar);
}
