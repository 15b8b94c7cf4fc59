import type { Calendar } from '../sla/calendar.ts';
import { DAY_MS, MINUTE_MS, dayNumberOf, isoWeekdayOf, minutesOf, zoneClock, type ZoneClock } from '../sla/zone-time.ts';

/** The two layers of the roster: the primary is paged first, the secondary next. */
export const LAYERS = ['primary', 'secondary'] as const;
/** A roster layer. */
export type Layer = (typeof LAYERS)[number];

/** How far ahead `onCallAt` lists the coming segments. */
export const HORIZON_MS = 14 * DAY_MS;
const WEEK_MS = 7 * DAY_MS;

/** A weekly wall-clock moment in the support zone: ISO weekday (1 = Monday) and 'HH:mm'. */
export interface HandOver {
  readonly weekday: number;
  readonly time: string;
}

/**
 * One layer's weekly rotation. Shifts run from one hand-over to the next; at `rotateAt` (one of
 * the hand-overs) the rotation passes to the next agent of `agents`, once a week. The first agent
 * starts at the first `rotateAt` on or after `start` (a local date); before it the layer is empty.
 */
export interface Rotation {
  readonly agents: readonly number[];
  readonly start: string;
  readonly handovers: readonly HandOver[];
  readonly rotateAt: HandOver;
}

/** Agent `agentId` covers `layer` over [from, to), whatever the rotation says. A swap is two of these. */
export interface OnCallOverride {
  readonly layer: Layer;
  readonly agentId: number;
  readonly from: number;
  readonly to: number;
}

/** The whole roster: a rotation per layer and the one-off overrides. */
export interface Roster {
  readonly layers: Readonly<Record<Layer, Rotation>>;
  readonly overrides: readonly OnCallOverride[];
}

/** Who is on call over [from, to). */
export interface OnCallSegment {
  readonly from: number;
  readonly to: number;
  readonly primary: number | null;
  readonly secondary: number | null;
}

/** Who is on call at `at`, until when, and the segments that follow within 14 days. */
export interface OnCallAnswer {
  readonly at: number;
  /** The support calendar's view: not working time. */
  readonly afterHours: boolean;
  readonly primary: number | null;
  readonly secondary: number | null;
  /** When either layer's agent next changes; null when nothing changes within 14 days. */
  readonly until: number | null;
  /** The following segments, the last one cut at `at` + 14 days. */
  readonly next: readonly OnCallSegment[];
}

/** The rotation's week boundaries as instants: week k starts at `weekStart(k)`; k = 0 is the first. */
interface RotationClock {
  weekStart(k: number): number;
  /** The rotation week holding `at` (negative before the start). */
  weekAt(at: number): number;
}

function rotationClock(rotation: Rotation, clock: ZoneClock): RotationClock {
  const startDay = dayNumberOf(rotation.start);
  const firstDay = startDay + ((rotation.rotateAt.weekday - isoWeekdayOf(startDay) + 7) % 7);
  const firstLocal = firstDay * DAY_MS + minutesOf(rotation.rotateAt.time) * MINUTE_MS;
  // Wall-clock weeks: the same weekday and time, whatever the DST offset (a gap time is the jump).
  const weekStart = (k: number): number => clock.firstInstantAt(firstLocal + k * WEEK_MS);
  const weekAt = (at: number): number => {
    let k = Math.floor((at + clock.offsetAt(at) - firstLocal) / WEEK_MS);
    while (weekStart(k + 1) <= at) k++;
    while (weekStart(k) > at) k--;
    return k;
  };
  return { weekStart, weekAt };
}

/** The rotation's agent at `at`, ignoring overrides. */
function rotaAgent(rotation: Rotation, rc: RotationClock, at: number): number | null {
  const n = rotation.agents.length;
  if (n === 0) return null;
  const k = rc.weekAt(at);
  return k < 0 ? null : (rotation.agents[k % n] ?? null);
}

/**
 * Who is on call at `at` and for the next 14 days, in the support calendar's zone. Overrides win
 * over the rotation; where overrides of one layer overlap (the service refuses that), the later
 * one in the list wins.
 */
export function onCallAt(roster: Roster, calendar: Calendar, at: number): OnCallAnswer {
  const clock = zoneClock(calendar.zone);
  const clocks = { primary: rotationClock(roster.layers.primary, clock), secondary: rotationClock(roster.layers.secondary, clock) };
  const horizon = at + HORIZON_MS;

  const agentAt = (layer: Layer, t: number): number | null => {
    for (let i = roster.overrides.length - 1; i >= 0; i--) {
      const o = roster.overrides[i];
      if (o !== undefined && o.layer === layer && o.from <= t && t < o.to) return o.agentId;
    }
    return rotaAgent(roster.layers[layer], clocks[layer], t);
  };

  // Every instant where an assignment may change: rotation weeks and override edges.
  const edges = new Set<number>();
  for (const layer of LAYERS) {
    const rc = clocks[layer];
    for (let k = rc.weekAt(at) + 1; ; k++) {
      const t = rc.weekStart(k);
      if (t >= horizon) break;
      edges.add(t);
    }
  }
  for (const o of roster.overrides) {
    for (const t of [o.from, o.to]) if (t > at && t < horizon) edges.add(t);
  }

  const segments: OnCallSegment[] = [];
  let from = at;
  let primary = agentAt('primary', at);
  let secondary = agentAt('secondary', at);
  for (const t of [...edges].sort((a, b) => a - b)) {
    const p = agentAt('primary', t);
    const s = agentAt('secondary', t);
    if (p === primary && s === secondary) continue;
    segments.push({ from, to: t, primary, secondary });
    from = t;
    primary = p;
    secondary = s;
  }
  segments.push({ from, to: horizon, primary, secondary });

  const [current, ...next] = segments as [OnCallSegment, ...OnCallSegment[]];
  return {
    at,
    afterHours: !calendar.isWorkingTime(at),
    primary: current.primary,
    secondary: current.secondary,
    until: next.length === 0 ? null : current.to,
    next,
  };
}

/**
 * The rotation without `agentId` from `at` on: the agent on duty at `at` stays on duty (the next
 * one in order takes over at once when it is `agentId`), and the rest follow in their order week by
 * week. Earlier weeks are not kept in the rotation (the roster computes them; pages and overrides
 * record what happened).
 */
export function withoutAgent(rotation: Rotation, agentId: number, zone: string, at: number): Rotation {
  const { agents } = rotation;
  if (!agents.includes(agentId)) return rotation;
  const remaining = agents.filter((a) => a !== agentId);
  const k = rotationClock(rotation, zoneClock(zone)).weekAt(at);
  if (remaining.length === 0 || k < 0) return { ...rotation, agents: remaining };
  // The place in the list that holds the layer now, after the change: the current one, or the next one after it.
  const n = agents.length;
  let i = k % n;
  while (agents[i] === agentId) i = (i + 1) % n;
  // Its place in the shorter list; the week index stays k, so rotate that place to k mod the new length.
  const place = agents.slice(0, i).filter((a) => a !== agentId).length;
  const m = remaining.length;
  const shift = (place - (k % m) + m) % m;
  return { ...rotation, agents: remaining.map((_, j) => remaining[(j + shift) % m] as number) };
}

/** Whether two half-open intervals [a.from, a.to) and [b.from, b.to) share an instant. */
export function overlaps(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from < b.to && b.from < a.to;
}

/** The local date ('YYYY-MM-DD', in `zone`) of the latest occurrence of `handOver` at or before `at`: a rotation start that makes `at` fall in its first week. */
export function lastHandOverDate(zone: string, handOver: HandOver, at: number): string {
  const clock = zoneClock(zone);
  const today = Math.floor((at + clock.offsetAt(at)) / DAY_MS);
  let day = today - ((isoWeekdayOf(today) - handOver.weekday + 7) % 7);
  if (clock.firstInstantAt(day * DAY_MS + minutesOf(handOver.time) * MINUTE_MS) > at) day -= 7;
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
