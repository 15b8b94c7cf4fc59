import type { Tier } from '../model/index.ts';
import type { Calendar } from '../sla/index.ts';
import { evaluateOla, olaAnswerMinutes } from './evaluate.ts';
import { OLA_TIERS, type OlaTargets, type OlaTier } from './targets.ts';

/** One stay of a ticket in a tier: when it arrived, and when the tier answered it (or it left, or was resolved); null while none. */
export interface OlaStay {
  readonly tier: Tier;
  readonly arrivedAt: number;
  readonly answeredAt: number | null;
}

/** One tier's figures for a period. */
export interface OlaTierFigures {
  readonly tier: OlaTier;
  readonly targetMinutes: number | null;
  readonly arrived: number;
  readonly inTime: number;
  readonly late: number;
  readonly running: number;
  readonly medianMinutes: number | null;
}

/**
 * The internal-target report (docs/ola.md): per tier with a target, the stays that began in the
 * period, judged at `now` by the same rule as the queue (evaluateOla): answered in time, late
 * (answered after the due time, or unanswered past it), or still running. The median is of the
 * working minutes to the answer, of those answered, rounded to a tenth.
 */
export function olaReport(stays: readonly OlaStay[], targets: OlaTargets, now: number, calendar: Calendar): OlaTierFigures[] {
  return OLA_TIERS.map((tier) => {
    const targetMinutes = targets[tier];
    const empty = { tier, targetMinutes, arrived: 0, inTime: 0, late: 0, running: 0, medianMinutes: null };
    if (targetMinutes === null) return empty;
    let inTime = 0;
    let late = 0;
    let running = 0;
    const answered: number[] = [];
    const mine = stays.filter((s) => s.tier === tier);
    for (const s of mine) {
      const ola = evaluateOla({ tier, arrivedAt: s.arrivedAt, answeredAt: s.answeredAt, targetMinutes }, now, calendar);
      if (ola.state === 'met') inTime++;
      else if (ola.state === 'breached' || (ola.remainingMs ?? 0) <= 0) late++;
      else running++;
      const took = olaAnswerMinutes(ola, calendar);
      if (took !== null) answered.push(took);
    }
    return { ...empty, arrived: mine.length, inTime, late, running, medianMinutes: median(answered) };
  });
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}
