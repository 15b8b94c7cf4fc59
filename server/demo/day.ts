/**
 * The demo's tickets as a team's ordinary day (issue 12), relative to "now" on the support calendar:
 * the last four working days mostly handled and resolved in time, a few tickets still at L2-L4 or
 * waiting for the customer; today's arrivals worked as they come; at the live edge (in working
 * time) fresh tickets with running clocks, two at risk and one or two breached today; after hours,
 * arrivals waiting for the morning and a night escalation taken by the agent on call. Every step is
 * a real command of the ticket service, at the instant it happens.
 */
import { DateTime } from 'luxon';
import type { Language, Tier } from '../../shared/model/index.ts';
import { createCalendar, type Calendar, type EvaluateOptions, type TicketKind } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { createOnCallService } from '../domain/oncall-service.ts';
import { createTicketService } from '../domain/ticket-service.ts';
import { LINES, phrasePool } from './subjects.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const CUSTOMERS = ['alpha.user', 'beta.user', 'gamma.user'] as const;
type Customer = (typeof CUSTOMERS)[number];
const LANGUAGE: Readonly<Record<Customer, Language>> = { 'alpha.user': 'ru', 'beta.user': 'uk', 'gamma.user': 'en' };

/** What happens to a ticket after it is filed. */
type Flow =
  | 'resolved' // taken, answered, resolved
  | 'clarified' // taken, a question, the customer answers, resolved
  | 'in-work' // taken and answered, still open at L1
  | 'waiting' // taken, a question the customer has not answered yet (R13)
  | 'answer-today' // waiting, and the customer answers at the live edge: a clock runs (or breaches) today
  | 'l2' // routed to its L2 team (analysts or methodologists), taken there
  | 'l2-new' // routed to its L2 team, not yet taken there
  | 'l3' // routed up to L3, taken there
  | 'l4' // routed up to L4, taken there
  | 'suggestion' // routed to the analysts, who take it; its month-long clock runs
  | 'thanks' // a suggestion answered and resolved
  | 'escalated' // escalated by the customer, taken by the escalation desk (or on call at night), in work
  | 'escalated-resolved' // escalated, taken, compensation decided, resolved
  | 'untaken'; // nobody has taken it yet

interface Filing {
  readonly customer: Customer;
  readonly kind: TicketKind;
  readonly flow: Flow;
}

const f = (customer: number, kind: TicketKind, flow: Flow): Filing => ({ customer: CUSTOMERS[customer % 3] ?? 'alpha.user', kind, flow });

/** The last four working days, oldest first: what is left of each is what the team still works on. */
const PAST_DAYS: readonly (readonly Filing[])[] = [
  [f(0, 'problem', 'resolved'), f(1, 'bug', 'l3'), f(2, 'question', 'clarified'), f(0, 'suggestion', 'thanks'), f(1, 'problem', 'resolved'), f(2, 'bug', 'resolved'), f(0, 'question', 'resolved')],
  [f(1, 'problem', 'resolved'), f(2, 'problem', 'l4'), f(0, 'bug', 'resolved'), f(1, 'question', 'resolved'), f(2, 'problem', 'escalated-resolved'), f(0, 'problem', 'clarified'), f(1, 'bug', 'waiting')],
  [f(2, 'question', 'resolved'), f(0, 'bug', 'l2'), f(1, 'question', 'l2'), f(2, 'suggestion', 'suggestion'), f(0, 'problem', 'resolved'), f(1, 'problem', 'clarified'), f(2, 'bug', 'resolved'), f(0, 'question', 'waiting')],
  [f(1, 'bug', 'resolved'), f(2, 'problem', 'in-work'), f(0, 'problem', 'l3'), f(1, 'question', 'resolved'), f(2, 'question', 'l2'), f(0, 'bug', 'answer-today'), f(1, 'problem', 'in-work'), f(2, 'problem', 'waiting'), f(0, 'question', 'resolved')],
];
/** Filed after the last close: in working time taken first thing; after hours they wait for it. */
const OVERNIGHT: readonly Filing[] = [f(1, 'problem', 'resolved'), f(2, 'question', 'waiting'), f(0, 'bug', 'in-work')];
/** Today's arrivals before the live edge, worked as they come. */
const TODAY: readonly Filing[] = [
  f(2, 'problem', 'escalated'), // first, so the desk has one in hand from 09:50
  f(0, 'problem', 'resolved'),
  f(1, 'bug', 'l2-new'),
  f(2, 'question', 'in-work'),
  f(0, 'question', 'l2-new'),
  f(1, 'problem', 'resolved'),
  f(2, 'bug', 'resolved'),
  f(0, 'suggestion', 'suggestion'),
];
/** The live edge in working time: filed this many working minutes ago, untaken. */
const LIVE: readonly (Filing & { readonly ago: number })[] = [
  { ...f(0, 'question', 'untaken'), ago: 49 }, // at risk: 11 of 60 minutes left
  { ...f(1, 'suggestion', 'untaken'), ago: 35 },
  { ...f(2, 'bug', 'untaken'), ago: 27 }, // breached 7 minutes ago
  { ...f(1, 'question', 'untaken'), ago: 24 },
  { ...f(0, 'problem', 'untaken'), ago: 17 }, // at risk: 3 of 20 minutes left
  { ...f(2, 'bug', 'untaken'), ago: 8 },
  { ...f(1, 'problem', 'untaken'), ago: 3 },
];
/** The customer's answer on the "answer-today" ticket, this many working minutes ago: breached 4 minutes ago. */
const ANSWER_AGO = 24;

const L2: Readonly<Record<TicketKind, Tier>> = { problem: 'l2-analysts', bug: 'l2-analysts', suggestion: 'l2-analysts', question: 'l2-methodologists' };
const AGENT: Readonly<Record<string, string>> = { 'l2-analysts': 'olga', 'l2-methodologists': 'maria', l3: 'dmytro', l4: 'ivan' };
const REASON: Readonly<Record<string, string>> = {
  'l2-analysts': 'Reproduced on the customer\'s account; needs an analyst to read the logs.',
  'l2-methodologists': 'The customer asks how to set it up for their process; a methodologist should advise.',
  l3: 'Logs show a defect in the dialer service; needs a developer.',
  l4: 'The trunk provider\'s side: needs a core telephony change.',
};

/** What each tier notes once it has taken a routed ticket. */
const NOTE: Readonly<Record<string, string>> = {
  'l2-analysts': 'Taken: reading the call logs and the campaign settings.',
  'l2-methodologists': 'Taken: preparing a recommendation for the customer\'s process.',
  l3: 'Taken: reproducing the defect on staging.',
  l4: 'Taken: checking the trunk configuration with the provider.',
};

/** A small deterministic PRNG (mulberry32), so every seeded demo looks alike. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The latest instant before `now` with `ms` of working time between it and `now`. */
function workingAgo(calendar: Calendar, now: number, ms: number): number {
  // Six weeks back covers any holiday season a team may set.
  let lo = now - 42 * DAY;
  let hi = now;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (calendar.workingTimeBetween(mid, now) >= ms) lo = mid;
    else hi = mid;
  }
  return Math.round(lo / 1000) * 1000;
}

/** The end of the last working interval before `x`. */
function lastCloseBefore(calendar: Calendar, x: number): number {
  return workingAgo(calendar, x, 1000) + 1000;
}

/** The opening of the day `x` falls in (the zone's date), or of the next working day. */
function openingOfDay(calendar: Calendar, x: number): number {
  return calendar.nextOpening(DateTime.fromMillis(x, { zone: calendar.zone }).startOf('day').toMillis());
}

/** The working intervals [open, close) of the last `count` working days that closed by `now`, oldest first. */
function pastWorkingDays(calendar: Calendar, now: number, count: number): { open: number; close: number }[] {
  const days: { open: number; close: number }[] = [];
  const first = DateTime.fromMillis(now, { zone: calendar.zone }).startOf('day');
  for (let day = first; days.length < count && first.diff(day, 'days').days < 42; day = day.minus({ days: 1 })) {
    const start = day.toMillis();
    if (!calendar.isWorkingDay(start + 12 * 60 * MIN)) continue;
    const open = calendar.nextOpening(start);
    const close = calendar.addWorkingTime(open, calendar.workingTimeBetween(open, day.plus({ days: 1 }).toMillis()));
    if (close <= now) days.unshift({ open, close });
  }
  return days;
}

/** Seeds the day's tickets as of `now`; `who` gives the demo people's actors. */
export async function seedDay(db: Db, now: number, sla: EvaluateOptions, who: (login: string) => Actor): Promise<void> {
  const calendar = sla.calendar ?? createCalendar();
  const oncall = createOnCallService({ db, now: () => now, calendar });
  let t = now;
  const tickets = createTicketService({
    db,
    now: () => t,
    sla,
    onEvents: () => {},
    // The roster seeded before: after hours the agents on call may act on escalated tickets (R25).
    onCall: async (agentId, at) => {
      const { primary, secondary } = await oncall.at(at);
      return agentId === primary || agentId === secondary;
    },
  });
  const rnd = random(20_261_125);
  const phrase = phrasePool();
  const working = calendar.isWorkingTime(now);
  // In working time, today's opening; the overnight gap runs from the last close before it.
  const opening = working ? openingOfDay(calendar, now) : now;
  const elapsedToday = working ? calendar.workingTimeBetween(opening, now) : 0;
  const lastClose = lastCloseBefore(calendar, opening);
  const onCallLogin = async (at: number): Promise<string> => {
    const { primary } = await oncall.at(at);
    return ['anna', 'boris', 'olga', 'maria', 'dmytro', 'ivan'].find((login) => who(login).id === primary) ?? 'boris';
  };
  // The customer's answer on the "answer-today" ticket, only when its clock would breach today.
  const answerAt = working && elapsedToday > (ANSWER_AGO - 20 + 1) * MIN ? workingAgo(calendar, now, ANSWER_AGO * MIN) : undefined;

  /** Moves the time on by `minutes`, never past now; false when it would reach now. */
  const step = (minutes: number): boolean => {
    const next = Math.round(t + minutes * MIN);
    if (next >= now) return false;
    t = next;
    return true;
  };
  const at = (instant: number): boolean => {
    if (instant >= now || instant < t) return false;
    t = instant;
    return true;
  };

  /** Files `filing` at `filedAt` and plays its flow; `reactAt` is when an agent first takes it, `answeredAt` when the customer answers an "answer-today" question. */
  const play = async (filing: Filing, filedAt: number, reactAt: number, answeredAt?: number): Promise<void> => {
    const language = LANGUAGE[filing.customer];
    const lines = LINES[language];
    const { subject, body } = phrase(language, filing.kind);
    t = filedAt;
    const customer = who(filing.customer);
    const { ticket } = await tickets.create(customer, { kind: filing.kind, subject, body, language });
    const id = ticket.id;
    const agent = who(rnd() < 0.5 ? 'anna' : 'boris');
    const cmd = (actor: Actor, command: Parameters<typeof tickets.command>[2]) => tickets.command(actor, id, command);
    if (filing.flow === 'untaken') return;
    if (filing.flow === 'escalated' || filing.flow === 'escalated-resolved') {
      if (!step(4 + rnd() * 6)) return;
      await cmd(customer, { type: 'escalate', justification: lines.escalation });
      // In working time the escalation desk; after hours the agent on call (R25).
      const desk = who(calendar.isWorkingTime(t) ? 'sofia' : await onCallLogin(t));
      if (!step(3 + rnd() * 5)) return;
      await cmd(desk, { type: 'take' });
      if (step(10 + rnd() * 10)) await cmd(desk, { type: 'message', messageType: 'reply', body: lines.reply });
      if (filing.flow === 'escalated') return;
      if (step(90)) await cmd(who('sofia'), { type: 'compensation', decision: lines.compensation });
      if (step(30)) await cmd(desk, { type: 'message', messageType: 'reply', body: lines.done });
      if (step(5)) await cmd(desk, { type: 'resolve', withoutReply: true });
      return;
    }
    if (!at(reactAt)) return;
    await cmd(agent, { type: 'take' });
    switch (filing.flow) {
      case 'resolved':
      case 'clarified': {
        if (filing.flow === 'clarified') {
          if (!step(3)) return;
          await cmd(agent, { type: 'message', messageType: 'question', body: lines.question });
          if (!step(20 + rnd() * 60)) return;
          await cmd(customer, { type: 'message', messageType: 'reply', body: lines.answer });
          if (!step(4 + rnd() * 8)) return;
        } else if (!step(15 + rnd() * 60)) return;
        await cmd(agent, { type: 'message', messageType: 'reply', body: lines.done });
        if (step(2)) await cmd(agent, { type: 'resolve', withoutReply: true });
        return;
      }
      case 'in-work':
        if (step(5 + rnd() * 10)) await cmd(agent, { type: 'message', messageType: 'reply', body: lines.reply });
        return;
      case 'waiting':
      case 'answer-today':
        if (!step(3 + rnd() * 5)) return;
        await cmd(agent, { type: 'message', messageType: 'question', body: lines.question });
        if (filing.flow === 'answer-today' && answeredAt !== undefined && at(answeredAt)) await cmd(customer, { type: 'message', messageType: 'reply', body: lines.answer });
        return;
      case 'thanks':
        if (!step(30 + rnd() * 120)) return;
        await cmd(agent, { type: 'message', messageType: 'reply', body: lines.thanks });
        if (step(1)) await cmd(agent, { type: 'resolve', withoutReply: true });
        return;
      case 'l2':
      case 'l2-new':
      case 'l3':
      case 'l4':
      case 'suggestion': {
        const path: Tier[] = [L2[filing.kind]];
        if (filing.flow === 'l3' || filing.flow === 'l4') path.push('l3');
        if (filing.flow === 'l4') path.push('l4');
        let from = agent;
        for (const [i, tier] of path.entries()) {
          if (!step(15 + rnd() * 30)) return;
          await cmd(from, { type: 'route', tier, reason: REASON[tier] ?? 'Needs the next tier.', assignee: undefined });
          if (filing.flow === 'l2-new' || (i === path.length - 1 && !calendar.isWorkingTime(t))) return;
          if (!step(20 + rnd() * 60)) return;
          from = who(AGENT[tier] ?? 'olga');
          await cmd(from, { type: 'take' });
          // The tier's first answer: a note on what it does, which meets its internal target (docs/ola.md).
          if (!step(10)) return;
          await cmd(from, { type: 'message', messageType: 'note', body: NOTE[tier] ?? 'Looking into it.' });
        }
        return;
      }
      default:
        return;
    }
  };

  // The last four working days: filings spread over each day's working hours, taken within minutes.
  for (const [d, day] of pastWorkingDays(calendar, now, PAST_DAYS.length).entries()) {
    const filings = PAST_DAYS[d] ?? [];
    const length = calendar.workingTimeBetween(day.open, day.close);
    for (const [i, filing] of filings.entries()) {
      const filedAt = Math.round(calendar.addWorkingTime(day.open, ((i + 0.3 + rnd() * 0.4) / filings.length) * (length - 90 * MIN)) / 1000) * 1000;
      await play(filing, filedAt, filedAt + Math.round((2 + rnd() * 10) * MIN), answerAt);
    }
  }

  // Filed after the last close; taken at the opening when it has come.
  const gapEnd = working ? opening : now - 20 * MIN;
  for (const [i, filing] of OVERNIGHT.entries()) {
    const filedAt = Math.round((lastClose + ((i + 0.5) / OVERNIGHT.length) * (gapEnd - lastClose)) / 1000) * 1000;
    await play(filing, filedAt, working ? opening + (2 + 3 * i) * MIN : now);
  }

  if (working) {
    // Today's arrivals up to half an hour of working time ago, every 20 working minutes or so.
    const until = workingAgo(calendar, now, 30 * MIN);
    const slots = Math.min(TODAY.length, Math.floor(Math.max(0, until - opening) / (20 * MIN)));
    for (let i = 0; i < slots; i++) {
      const filing = TODAY[i];
      if (filing === undefined) continue;
      const filedAt = Math.round(calendar.addWorkingTime(opening, (i * 20 + 5 + rnd() * 10) * MIN) / 1000) * 1000;
      await play(filing, filedAt, filedAt + Math.round((2 + rnd() * 8) * MIN));
    }
    // The live edge; what would have breached before today's opening is not there yet.
    for (const live of LIVE) {
      const reaction = live.kind === 'problem' || live.kind === 'bug';
      if (reaction && live.ago >= 20 && elapsedToday < (live.ago - 20 + 1) * MIN) continue;
      await play(live, workingAgo(calendar, now, live.ago * MIN), now);
    }
  } else {
    // At night: an escalation taken by the agent on call, an hour ago.
    const night = TODAY[0];
    if (night !== undefined && now - lastClose > 70 * MIN) await play(night, Math.round((now - 60 * MIN) / 1000) * 1000, now);
  }
}
