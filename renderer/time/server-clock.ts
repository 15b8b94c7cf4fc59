import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * One shared 1-second tick of the ticket service's time (our clock plus the measured offset), for
 * every countdown on screen: no per-row timers. The timer runs only while something listens.
 */
export interface ServerClock {
  subscribe(listener: () => void): () => void;
  now(): number;
  /** The service's clock minus ours, from measureClockOffset at connect. */
  setOffset(ms: number): void;
}

/** Creates a clock; `readNow` is the local clock (Date.now, faked in tests). */
export function createServerClock(readNow: () => number = () => Date.now()): ServerClock {
  let offset = 0;
  let current = readNow();
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
