import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { OnCallResponse } from '../../../shared/client/api-client.ts';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { useServerClock } from '../../time/server-clock.ts';
import { useMe } from '../auth/queries.ts';
import { consoleModeAt } from './mode.ts';
import { onCallKeys, onCallQueries } from './queries.ts';
import { useShowAllIn } from './store.ts';

/** The console's on-call state at the service's "now" (re-evaluated on the shared 1-second tick). */
export interface OnCallState {
  /** After hours or a day off: the console is in on-call mode. */
  readonly active: boolean;
  /** This stretch of on-call time (its next opening), or null during working time. */
  readonly period: number | null;
  /** The queue shows only what must be handled now (on-call mode, full queue not chosen). */
  readonly narrowed: boolean;
  /** Who is on call, from the roster; undefined while loading. */
  readonly roster: OnCallResponse | undefined;
  /** I am on call and it is after hours: the service lets me work escalated tickets. */
  readonly meOnCallNow: boolean;
}

/**
 * On-call mode, the roster answer and my part in it; asks the roster again when the mode changes or
 * its `until` passes. Read on the shared tick, but only a change of mode or of `until` having passed
 * re-renders: the queue does not re-render every second.
 */
export function useOnCall(): OnCallState {
  const bridge = useBridge();
  const client = useQueryClient();
  const me = useMe();
  const clock = useServerClock();
  // The on-call stretch (its next opening), or null in working time: a primitive, so equal ticks do not re-render.
  const period = useSyncExternalStore(clock.subscribe, () => consoleModeAt(clock.calendar(), clock.now()).period);
  const mode = { onCall: period !== null, period };
  const showAllIn = useShowAllIn();
  const key = mode.onCall ? 'on-call' : 'working';
  const roster = useQuery(onCallQueries.now(bridge, key)).data;
  const until = roster?.until ?? null;
  const stale = useSyncExternalStore(clock.subscribe, () => until !== null && clock.now() >= until);
  useEffect(() => {
    if (stale) void client.invalidateQueries({ queryKey: onCallKeys.now(key) });
  }, [stale, client, key]);
  const onRoster = roster !== undefined && (roster.primary === me.id || roster.secondary === me.id);
  return {
    active: mode.onCall,
    period: mode.period,
    narrowed: mode.onCall && showAllIn !== mode.period,
    roster,
    meOnCallNow: mode.onCall && onRoster,
  };
}
