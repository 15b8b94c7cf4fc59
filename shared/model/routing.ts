import type { TicketKind } from '../sla/index.ts';
import type { Tier } from './index.ts';

/** Technical or consultation support (R4). */
export type SupportType = 'technical' | 'consultation';

/**
 * The support type of a ticket kind (R4): questions are consultation; problems and bugs are
 * technical; suggestions too, because they are judged by the analysts and developers who would
 * build them (R23).
 */
export function supportTypeOf(kind: TicketKind): SupportType {
  switch (kind) {
    case 'question':
      return 'consultation';
    case 'problem':
    case 'bug':
    case 'suggestion':
      return 'technical';
  }
}

/** The tier paths of R5, first line first. */
export const TIER_PATHS: Readonly<Record<SupportType, readonly Tier[]>> = {
  technical: ['l1', 'l2-analysts', 'l3', 'l4'],
  consultation: ['l1', 'l2-methodologists'],
};

/**
 * Whether moving a ticket of `kind` from `from` to `to` follows its path (R5): one step up, or
 * one step back down to the tier it came from along the path. Anything else is "out of turn" (R6).
 */
export function isPathMove(kind: TicketKind, from: Tier, to: Tier): boolean {
  const path = TIER_PATHS[supportTypeOf(kind)];
  const i = path.indexOf(from);
  const j = path.indexOf(to);
  return i >= 0 && j >= 0 && Math.abs(i - j) === 1;
}

/** The tiers a ticket of `kind` at `from` may be routed to without a manager. */
export function allowedRoutes(kind: TicketKind, from: Tier): readonly Tier[] {
  const path = TIER_PATHS[supportTypeOf(kind)];
  const i = path.indexOf(from);
  if (i < 0) return [];
  return [path[i + 1], path[i - 1]].filter((t): t is Tier => t !== undefined);
}
