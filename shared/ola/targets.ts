import type { Tier } from '../model/index.ts';

/** The tiers that may have an internal target: every tier but the escalation desk, whose clock is the SLA's (R12). */
export const OLA_TIERS = ['l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4'] as const satisfies readonly Tier[];

/** A tier that may have an internal target. */
export type OlaTier = (typeof OLA_TIERS)[number];

/** Each tier's target in working minutes; null: the tier has none. */
export type OlaTargets = Readonly<Record<OlaTier, number | null>>;
