/** The on-call roster: pure resolution of who is on call at an instant, in the support zone. */
export {
  HORIZON_MS,
  LAYERS,
  lastHandOverDate,
  onCallAt,
  overlaps,
  withoutAgent,
  type HandOver,
  type Layer,
  type OnCallAnswer,
  type OnCallOverride,
  type OnCallSegment,
  type Roster,
  type Rotation,
} from './roster.ts';
