/**
 * The paging ladder (docs/oncall.md, "Paging"): pure functions of a page, who is on call and an
 * instant. A page goes to the primary; unacknowledged after `ackTimeoutMs` it goes to the
 * secondary, then to every manager; after the last level it starts again from the primary, for at
 * most `maxLoops` passes. Levels with nobody on them are skipped. An acknowledged page reminds its
 * acknowledger every `remindAfterMs` while its ticket is open. The service stores the result.
 */

/** A rung of the ladder, in the order they are tried. */
export const PAGE_LEVELS = ['primary', 'secondary', 'managers'] as const;
export type PageLevel = (typeof PAGE_LEVELS)[number];
/** Where a page is: `open` (waiting for an acknowledgement), `acknowledged`, `closed` (its ticket was resolved). */
export const PAGE_STATES = ['open', 'acknowledged', 'closed'] as const;
export type PageState = (typeof PAGE_STATES)[number];
/** What raised a page, outside working time (`outage`: an outage declared from the ticket). */
export const PAGE_REASONS = ['escalated', 'customer_message', 'sla_warning', 'outage'] as const;
export type PageReason = (typeof PAGE_REASONS)[number];

/** How the ladder climbs. */
export interface PagingSettings {
  /** How long a level has to acknowledge before the next is paged; at least one minute. */
  readonly ackTimeoutMs: number;
  /** Passes through the whole ladder before it stops paging. */
  readonly maxLoops: number;
  /** How long after an acknowledgement (or the last reminder) the acknowledger is reminded while the ticket is open. */
  readonly remindAfterMs: number;
}

const MIN = 60_000;
/** The defaults: 5 minutes to acknowledge, 3 passes, a reminder every 15 minutes. */
export const DEFAULT_PAGING: PagingSettings = { ackTimeoutMs: 5 * MIN, maxLoops: 3, remindAfterMs: 15 * MIN };
/** The shortest acknowledgement timeout accepted. */
export const MIN_ACK_TIMEOUT_MS = MIN;

/** Settings from a partial override; throws on values the ladder cannot run with. */
export function pagingSettings(overrides: Partial<PagingSettings> = {}): PagingSettings {
  const s = { ...DEFAULT_PAGING, ...overrides };
  if (!Number.isInteger(s.ackTimeoutMs) || s.ackTimeoutMs < MIN_ACK_TIMEOUT_MS) throw new RangeError(`ackTimeout must be whole milliseconds, at least ${MIN_ACK_TIMEOUT_MS} (one minute)`);
  if (!Number.isInteger(s.maxLoops) || s.maxLoops < 1) throw new RangeError('maxLoops must be a whole number from 1');
  if (!Number.isInteger(s.remindAfterMs) || s.remindAfterMs < MIN) throw new RangeError('remindAfter must be whole milliseconds, at least one minute');
  return s;
}

/** Who can be paged at an instant: the roster's two layers and every manager. */
export interface PagingRoster {
  readonly primary: number | null;
  readonly secondary: number | null;
  readonly managers: readonly number[];
}

/** The agents a level pages: nobody when the roster has no one there (a skipped level). */
export function targetsOf(level: PageLevel, roster: PagingRoster): number[] {
  switch (level) {
    case 'primary':
      return roster.primary === null ? [] : [roster.primary];
    case 'secondary':
      // The same person on both layers is paged once, as primary.
      return roster.secondary === null || roster.secondary === roster.primary ? [] : [roster.secondary];
    case 'managers':
      return [...new Set(roster.managers)];
  }
}

/** One rung being paged: which level, in which pass (from 1), whom. */
export interface PageStep {
  readonly level: PageLevel;
  readonly attempt: number;
  readonly paged: readonly number[];
}

/** The first rung after `from` (exclusive; null: the start) with somebody on it, within `maxLoops` passes; null when none is left. */
export function nextStep(from: { level: PageLevel; attempt: number } | null, roster: PagingRoster, settings: PagingSettings): PageStep | null {
  let index = from === null ? -1 : PAGE_LEVELS.indexOf(from.level);
  let attempt = from === null ? 1 : from.attempt;
  // At most one full pass is needed to find a non-empty rung, or to learn there is none.
  for (let tried = 0; tried < PAGE_LEVELS.length; tried++) {
    index++;
    if (index === PAGE_LEVELS.length) {
      index = 0;
      attempt++;
    }
    if (attempt > settings.maxLoops) return null;
    const level = PAGE_LEVELS[index] as PageLevel;
    const paged = targetsOf(level, roster);
    if (paged.length > 0) return { level, attempt, paged };
  }
  return null;
}

/** A page as the ladder sees it. */
export interface LadderPage {
  readonly state: PageState;
  readonly level: PageLevel;
  readonly attempt: number;
  readonly paged: readonly number[];
  /** When the ladder must act next (escalate or remind); null: nothing more to do. */
  readonly nextAt: number | null;
  readonly acknowledgedBy: number | null;
}

/** A new page for a trigger at `now`; null when the whole ladder is empty. */
export function startPage(roster: PagingRoster, now: number, settings: PagingSettings): (LadderPage & { state: 'open' }) | null {
  const step = nextStep(null, roster, settings);
  if (step === null) return null;
  return { state: 'open', ...step, nextAt: now + settings.ackTimeoutMs, acknowledgedBy: null };
}

/** What the ladder does when a page comes due. */
export type DueAction =
  | { readonly kind: 'escalate'; readonly page: LadderPage }
  /** Nobody is left within maxLoops: the page stays open, no more paging. */
  | { readonly kind: 'exhausted'; readonly page: LadderPage }
  | { readonly kind: 'remind'; readonly page: LadderPage }
  | { readonly kind: 'none' };

/** The ladder's move for a page at `now`, with who is on call now. */
export function onDue(page: LadderPage, roster: PagingRoster, now: number, settings: PagingSettings): DueAction {
  if (page.nextAt === null || page.nextAt > now || page.state === 'closed') return { kind: 'none' };
  if (page.state === 'acknowledged') {
    if (page.acknowledgedBy === null) return { kind: 'none' };
    return { kind: 'remind', page: { ...page, paged: [page.acknowledgedBy], nextAt: now + settings.remindAfterMs } };
  }
  const step = nextStep(page, roster, settings);
  if (step === null) return { kind: 'exhausted', page: { ...page, nextAt: null } };
  return { kind: 'escalate', page: { ...page, ...step, nextAt: now + settings.ackTimeoutMs } };
}

/** Why an acknowledgement is refused. */
export type AckRefusal = 'not_paged' | 'already_acknowledged' | 'closed';

/** Why `by` may not acknowledge a page in `state` that has paged `notified` so far, or null when they may (the console offers the button on the same rule). */
export function ackRefusal(state: PageState, by: { readonly agentId: number; readonly manager: boolean }, notified: readonly number[]): AckRefusal | null {
  if (state === 'closed') return 'closed';
  if (state === 'acknowledged') return 'already_acknowledged';
  if (!by.manager && !notified.includes(by.agentId)) return 'not_paged';
  return null;
}

/**
 * An acknowledgement by `agentId` at `now`: allowed to anyone this page has paged (`notified`, every
 * level so far) and to managers. The acknowledger is reminded after `remindAfterMs`.
 */
export function acknowledge(
  page: LadderPage,
  by: { readonly agentId: number; readonly manager: boolean },
  notified: readonly number[],
  now: number,
  settings: PagingSettings,
): { ok: true; page: LadderPage } | { ok: false; refusal: AckRefusal } {
  const refusal = ackRefusal(page.state, by, notified);
  if (refusal !== null) return { ok: false, refusal };
  return { ok: true, page: { ...page, state: 'acknowledged', acknowledgedBy: by.agentId, nextAt: now + settings.remindAfterMs } };
}

/** Closes a page (its ticket was resolved); a closed page never comes due again. */
export function closePage(page: LadderPage): LadderPage {
  return { ...page, state: 'closed', nextAt: null };
}
