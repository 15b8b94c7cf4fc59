import { HORIZON_MS, type Layer } from '../../../shared/oncall/index.ts';
import type { OnCallResponse } from '../../../shared/client/api-client.ts';

/** One stretch of a roster layer: `agentId` (or nobody) holds it over [from, to). */
export interface LayerSegment {
  readonly from: number;
  readonly to: number;
  readonly agentId: number | null;
}

/** A shift of both layers over [from, to), as the roster answer lists them. */
export interface Shift {
  readonly from: number;
  readonly to: number;
  readonly primary: number | null;
  readonly secondary: number | null;
}

/** The current shift and the next ones up to the 14-day horizon. */
export function shiftsOf(answer: OnCallResponse): readonly Shift[] {
  const current = { from: answer.at, to: answer.until ?? answer.at + HORIZON_MS, primary: answer.primary, secondary: answer.secondary };
  return [current, ...answer.next];
}

/** One layer's timeline: consecutive shifts of the same agent joined into one segment. */
export function layerTimeline(shifts: readonly Shift[], layer: Layer): readonly LayerSegment[] {
  const out: LayerSegment[] = [];
  for (const s of shifts) {
    const agentId = s[layer];
    const last = out.at(-1);
    if (last !== undefined && last.agentId === agentId && last.to === s.from) out[out.length - 1] = { ...last, to: s.to };
    else out.push({ from: s.from, to: s.to, agentId });
  }
  return out;
}
