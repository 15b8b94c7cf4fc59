/**
 * The demo's outages (issue 9): a history of six outages across the current year of the demo
 * clock (one over 30 minutes with a compensation decision, one excluded as the customer's
 * carrier's fault, R27) and, when the clock is outside working time, one still open, declared
 * 12 minutes ago, so the console shows a live countdown. Replayed through the real commands
 * (tickets filed by the customers, declared, linked, restored, excluded), so every row, timeline
 * entry, ticket audit entry and event is what the service itself would have written.
 */
import type { Language } from '../../shared/model/index.ts';
import { createCalendar, DEFAULT_POLICY, yearBounds, yearOf, type EvaluateOptions, type FunctionGroup } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { outageAlarms } from '../domain/outage-alarms.ts';
import { createOutageService } from '../domain/outage-service.ts';
import { createTicketService, NOBODY_ON_CALL } from '../domain/ticket-service.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Below this much of the year gone, the history goes into the previous year: it needs room. */
const MIN_WINDOW = 3 * DAY;

type Customer = 'alpha.user' | 'beta.user' | 'gamma.user';
const LANGUAGE: Readonly<Record<Customer, Language>> = { 'alpha.user': 'ru', 'beta.user': 'uk', 'gamma.user': 'en' };

/** What customers write when a function stops: a different subject for each report, so none repeats. */
const REPORT: Readonly<Record<Language, Readonly<Record<FunctionGroup, { readonly subjects: readonly string[]; readonly body: string }>>>> = {
  ru: {
    autodialer: {
      subjects: ['Автодозвон остановился', 'Все кампании встали', 'Автодозвон не набирает номера', 'Операторы сидят без звонков', 'Снова не работает автодозвон', 'Кампании на паузе без причины', 'Автодозвон молчит с утра'],
      body: 'Все кампании встали, операторы сидят без звонков.',
    },
    inbound: {
      subjects: ['Входящие звонки не проходят', 'Короткие гудки на входящей линии', 'Очередь входящих пустая', 'Клиенты не могут дозвониться', 'Входящая линия недоступна', 'Нет входящих с утра', 'Входящие сбрасываются'],
      body: 'Клиенты слышат короткие гудки, в очередь ничего не попадает.',
    },
  },
  uk: {
    autodialer: {
      subjects: ['Автодзвінок не працює', 'Кампанії не набирають номери', 'Оператори без дзвінків', 'Автодзвінок зупинився', 'Знову стоїть автодзвінок', 'Жодна кампанія не працює', 'Автодзвінок мовчить'],
      body: 'Жодна кампанія не набирає номери, оператори без дзвінків.',
    },
    inbound: {
      subjects: ['Не надходять вхідні дзвінки', 'Тиша на вхідній лінії', 'Черга порожня, клієнти не додзвонюються', 'Вхідна лінія недоступна', 'Вхідні дзвінки обриваються', 'Клієнти чують тишу', 'Немає вхідних дзвінків'],
      body: 'Абоненти чують тишу, черга порожня.',
    },
  },
  en: {
    autodialer: {
      subjects: ['Autodialer stopped dialing', 'No campaign places calls', 'Every agent idle: dialer down', 'Autodialer down again', 'Campaigns stuck at zero calls', 'Dialer not placing calls', 'Outbound dialing stopped'],
      body: 'No campaign places calls; every agent is idle.',
    },
    inbound: {
      subjects: ['Inbound calls fail', 'Callers get a busy tone', 'Nothing reaches the inbound queue', 'Inbound line unreachable', 'Customers cannot call us', 'Inbound calls dropping', 'Queue empty, callers cut off'],
      body: 'Callers get a busy tone and nothing reaches the queue.',
    },
  },
};
const RESTORED: Readonly<Record<Language, string>> = {
  ru: 'Сервис восстановлен. Приносим извинения за перерыв.',
  uk: 'Сервіс відновлено. Перепрошуємо за перерву.',
  en: 'The service is restored. We apologise for the interruption.',
};

/** One outage of the history: when in the year (a fraction of it), how long, who reported it and when. */
interface PastOutage {
  readonly at: number;
  readonly groups: readonly FunctionGroup[];
  readonly summary: string;
  readonly minutes: number;
  /** Customers' reports: minutes after the first. */
  readonly reports: readonly { readonly by: Customer; readonly after: number }[];
  /** Which report it is declared from, and when (minutes after the first report). */
  readonly declaredFrom: number;
  readonly declaredAfter: number;
  readonly agent: string;
  readonly exclusion?: string;
  readonly compensation?: string;
}

/** The history: 89 minutes of autodialer downtime and 15 of inbound, of 8 hours each. */
export const PAST_OUTAGES: readonly PastOutage[] = [
  { at: 0.08, groups: ['autodialer'], summary: 'Autodialer: dialing queue stuck after a database failover', minutes: 14, reports: [{ by: 'alpha.user', after: 0 }, { by: 'beta.user', after: 5 }], declaredFrom: 0, declaredAfter: 4, agent: 'anna' },
  {
    at: 0.22,
    groups: ['inbound'],
    summary: 'Inbound: SIP registrar rejecting calls',
    minutes: 9,
    // Declared from gamma's report; beta's earlier one, linked next, moves the start earlier (R19).
    reports: [{ by: 'beta.user', after: 0 }, { by: 'gamma.user', after: 2 }, { by: 'beta.user', after: 4 }],
    declaredFrom: 1,
    declaredAfter: 3,
    agent: 'boris',
  },
  {
    at: 0.37,
    groups: ['autodialer'],
    summary: 'Autodialer: call scheduler crashed, restarted by L3',
    minutes: 47,
    reports: [{ by: 'alpha.user', after: 0 }, { by: 'gamma.user', after: 2 }, { by: 'beta.user', after: 6 }, { by: 'alpha.user', after: 15 }],
    declaredFrom: 0,
    declaredAfter: 5,
    agent: 'anna',
    compensation: 'Outage of 47 minutes, over the 30 allowed (R18): one day of autodialer service credited to Alpha, Beta and Gamma.',
  },
  {
    at: 0.52,
    groups: ['inbound'],
    summary: 'Inbound: no calls from one carrier',
    minutes: 90,
    reports: [{ by: 'gamma.user', after: 0 }, { by: 'gamma.user', after: 20 }],
    declaredFrom: 0,
    declaredAfter: 6,
    agent: 'boris',
    exclusion: "Gamma's telecom operator lost its trunk to Gamma's PBX; our platform took every call offered (R27: the customer's carrier).",
  },
  { at: 0.68, groups: ['autodialer', 'inbound'], summary: 'Both groups: core switch reboot', minutes: 6, reports: [{ by: 'alpha.user', after: 0 }, { by: 'beta.user', after: 1 }, { by: 'gamma.user', after: 2 }], declaredFrom: 0, declaredAfter: 2, agent: 'anna' },
  { at: 0.85, groups: ['autodialer'], summary: 'Autodialer: number pool exhausted after a bad import', minutes: 22, reports: [{ by: 'beta.user', after: 0 }, { by: 'alpha.user', after: 7 }], declaredFrom: 0, declaredAfter: 3, agent: 'anna' },
];

/** The open outage at night: reported by three clients in the last 12 minutes. */
export const OPEN_OUTAGE: Omit<PastOutage, 'at' | 'minutes'> & { readonly startedBefore: number } = {
  groups: ['autodialer'],
  summary: 'Autodialer: no campaign dials',
  startedBefore: 12 * MIN,
  reports: [{ by: 'beta.user', after: 0 }, { by: 'gamma.user', after: 4 }, { by: 'alpha.user', after: 7 }],
  declaredFrom: 0,
  declaredAfter: 5,
  agent: 'boris',
};

/** Where the history goes: the current year up to a day ago, or the previous year in its first days. */
export function historyWindow(now: number, zone: string): { readonly from: number; readonly to: number } {
  const { yearStart } = yearBounds(yearOf(now, zone), zone);
  if (now - DAY - yearStart >= MIN_WINDOW) return { from: yearStart, to: now - DAY };
  return { from: yearBounds(yearOf(now, zone) - 1, zone).yearStart, to: yearStart };
}

/** Seeds the outages as of `now`; `who` gives the demo people's actors. */
export async function seedOutages(db: Db, now: number, sla: EvaluateOptions, who: (login: string) => Actor): Promise<void> {
  const calendar = sla.calendar ?? createCalendar();
  const policy = sla.policy ?? DEFAULT_POLICY;
  const history = historyWindow(now, calendar.zone);
  // Time only moves forward from the start of the history, through every step, up to now.
  let t = history.from;
  const tickets = createTicketService({ db, now: () => t, sla, onEvents: () => {}, onCall: NOBODY_ON_CALL });
  const outages = createOutageService({ db, now: () => t, calendar, policy, inTransaction: tickets.inTransaction });
  const alarms = outageAlarms({ db, policy, inTransaction: tickets.inTransaction });
  // The restoration alarms fall due while time moves on, as the scheduler would raise them (R18).
  const dues: number[] = [];
  const advance = async (to: number): Promise<void> => {
    dues.sort((a, b) => a - b);
    for (let due = dues[0]; due !== undefined && due <= to; due = dues[0]) {
      dues.shift();
      if (due < t) continue;
      t = due;
      await alarms(due);
    }
    t = Math.max(t, to);
  };

  const reported = new Map<string, number>();
  const report = async (by: Customer, group: FunctionGroup, at: number): Promise<number> => {
    await advance(at);
    const phrase = REPORT[LANGUAGE[by]][group];
    const key = `${by}:${group}`;
    const n = reported.get(key) ?? 0;
    reported.set(key, n + 1);
    const subject = phrase.subjects[n % phrase.subjects.length] ?? phrase.body;
    return (await tickets.create(who(by), { kind: 'problem', subject, body: phrase.body })).ticket.id;
  };
  const link = async (agent: string, outageId: number, ticketId: number): Promise<void> => {
    await advance(t + MIN);
    await outages.link(who(agent), outageId, ticketId);
  };

  /** Files the reports and declares the outage from one of them, linking the rest as they come. */
  const open = async (o: Omit<PastOutage, 'at' | 'minutes'>, start: number): Promise<{ outageId: number; ids: number[] }> => {
    const group = o.groups[0] ?? 'autodialer';
    const declareAt = start + o.declaredAfter * MIN;
    const ids: number[] = [];
    const declare = async (): Promise<number> => {
      const from = ids[o.declaredFrom];
      if (from === undefined) throw new Error(`demo outage "${o.summary}": declared from a report not yet filed`);
      await advance(declareAt);
      await tickets.command(who(o.agent), from, { type: 'take' });
      const id = (await outages.declare(who(o.agent), { groups: o.groups, summary: o.summary, ticketId: from })).outage.id;
      // Every report is filed at `start` or later, so downtime starts at `start` (R19).
      dues.push(start + 20 * MIN, start + 30 * MIN);
      // Reports filed before the declaration are linked right after it.
      for (const other of ids.filter((_, i) => i !== o.declaredFrom)) await link(o.agent, id, other);
      return id;
    };
    let outageId: number | null = null;
    for (const r of o.reports) {
      const at = start + r.after * MIN;
      if (outageId === null && at > declareAt) outageId = await declare();
      const id = await report(r.by, group, at);
      ids.push(id);
      if (outageId !== null) await link(o.agent, outageId, id);
    }
    return { outageId: outageId ?? (await declare()), ids };
  };

  for (const o of PAST_OUTAGES) {
    const start = Math.round((history.from + o.at * (history.to - history.from)) / MIN) * MIN;
    const end = start + o.minutes * MIN;
    const { outageId, ids } = await open(o, start);
    const agent = who(o.agent);
    // Recorded two minutes after the end of downtime.
    await advance(end + 2 * MIN);
    await outages.restore(agent, outageId, end);
    if (o.exclusion !== undefined) {
      await advance(t + 10 * MIN);
      await outages.exclude(agent, outageId, o.exclusion);
    }
    // Restoring resolves nothing: the agent answers and resolves each linked ticket.
    for (const [i, id] of ids.entries()) {
      await advance(t + MIN);
      if (i !== o.declaredFrom) await tickets.command(agent, id, { type: 'take' });
      await tickets.command(agent, id, { type: 'message', messageType: 'reply', body: RESTORED[LANGUAGE[o.reports[i]?.by ?? 'alpha.user']] });
      await tickets.command(agent, id, { type: 'resolve', withoutReply: true });
    }
    if (o.compensation !== undefined) {
      await advance(t + 2 * 60 * MIN);
      await outages.compensation(who('sofia'), outageId, o.compensation);
    }
  }

  // The live one: its alarms are the running service's to raise.
  if (!calendar.isWorkingTime(now)) await open(OPEN_OUTAGE, now - OPEN_OUTAGE.startedBefore);
}
