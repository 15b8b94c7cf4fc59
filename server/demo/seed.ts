/**
 * The demo dataset (issue 3): the demo people and ~200 tickets whose histories are replayed through
 * the real commands, relative to the current time, so SLA states are realistic whenever it runs:
 * some breached, some paused, escalated, filed outside hours; conversations in ru, uk and en.
 * Then the roster (roster.ts) and the year's outages (outages.ts), also relative to that time.
 */
import type { Language, Tier } from '../../shared/model/index.ts';
import type { TicketKind } from '../../shared/sla/index.ts';
import { createCalendar, type EvaluateOptions } from '../../shared/sla/index.ts';
import { actorOf } from '../auth/sessions.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { createTicketService, NOBODY_ON_CALL } from '../domain/ticket-service.ts';
import { userById } from '../store/users.ts';
import { DEMO_PASSWORD, seedPeople } from './people.ts';
import { seedOutages } from './outages.ts';
import { seedRoster } from './roster.ts';

type Phrase = { readonly subject: string; readonly body: string };
const PHRASES: Readonly<Record<Language, Readonly<Record<TicketKind, readonly Phrase[]>>>> = {
  ru: {
    problem: [
      { subject: 'Автодозвон не запускается', body: 'С утра кампания «Зима» стоит в статусе «ожидание», операторы без звонков.' },
      { subject: 'Обрываются исходящие звонки', body: 'Звонки сбрасываются через 10–15 секунд после ответа абонента.' },
      { subject: 'Не грузится статистика звонков', body: 'Отчёт за вчера открывается пустым, хотя звонки были.' },
    ],
    bug: [
      { subject: 'Ошибка 500 при экспорте отчёта', body: 'При выгрузке в Excel появляется «Internal error».' },
      { subject: 'Неверное время в учёте рабочего времени', body: 'Смена операторов сдвинута на час после перехода на зимнее время.' },
    ],
    question: [
      { subject: 'Как настроить повторный дозвон?', body: 'Нужно перезванивать недозвонившимся через 2 часа, но не больше 3 раз.' },
      { subject: 'Где изменить сценарий IVR?', body: 'Подскажите, где редактируется голосовое меню.' },
    ],
    suggestion: [{ subject: 'Предложение: фильтр по оператору', body: 'Было бы удобно фильтровать статистику по конкретному оператору.' }],
  },
  uk: {
    problem: [
      { subject: 'Не надходять вхідні дзвінки', body: 'З 9:00 жоден дзвінок не потрапляє в чергу, клієнти чують тишу.' },
      { subject: 'Черга зависла', body: 'Оператори бачать дзвінки в черзі, але не можуть їх прийняти.' },
      { subject: 'Погана якість звуку', body: 'Абоненти скаржаться на відлуння та затримку голосу.' },
    ],
    bug: [
      { subject: 'Помилка при збереженні бізнес-процесу', body: 'Після натискання «Зберегти» зміни зникають.' },
      { subject: 'Дублюються записи в журналі дзвінків', body: 'Кожен дзвінок з’являється у звіті двічі.' },
    ],
    question: [
      { subject: 'Як додати нового оператора?', body: 'Підкажіть, будь ласка, де створюється обліковий запис оператора.' },
      { subject: 'Як налаштувати робочі години черги?', body: 'Хочемо, щоб після 20:00 дзвінки йшли на автовідповідач.' },
    ],
    suggestion: [{ subject: 'Пропозиція: темна тема', body: 'Операторам нічної зміни було б легше з темною темою інтерфейсу.' }],
  },
  en: {
    problem: [
      { subject: 'Inbound calls not reaching agents', body: 'Since this morning callers hear ringing but no agent gets the call.' },
      { subject: 'Call recordings missing', body: 'Recordings for yesterday afternoon are not in the archive.' },
      { subject: 'Login page times out', body: 'Agents cannot sign in to the workplace; the page spins for a minute.' },
    ],
    bug: [
      { subject: 'Wrong caller ID shown', body: 'The caller ID field shows our own trunk number instead of the customer.' },
      { subject: 'Report totals do not add up', body: 'The daily total is lower than the sum of the hourly rows.' },
    ],
    question: [
      { subject: 'How do I set up a callback queue?', body: 'We want callers to leave a number and be called back.' },
      { subject: 'Can we export statistics via API?', body: 'Which endpoint returns per-agent call statistics?' },
    ],
    suggestion: [{ subject: 'Suggestion: SMS after missed call', body: 'Send an SMS automatically when a call is missed.' }],
  },
};

const REPLIES: Readonly<Record<Language, { readonly question: string; readonly answer: string; readonly reply: string }>> = {
  ru: { question: 'Уточните, пожалуйста, ID кампании и время первого сбоя.', answer: 'Кампания 4512, сбой с 09:40.', reply: 'Проверяем, вернёмся с ответом.' },
  uk: { question: 'Уточніть, будь ласка, номер черги та час першого збою.', answer: 'Черга 7, збій з 09:15.', reply: 'Перевіряємо, повернемося з відповіддю.' },
  en: { question: 'Could you tell us the queue ID and when it started?', answer: 'Queue 12, since 09:05.', reply: 'We are looking into it and will get back to you.' },
};

const KINDS: readonly TicketKind[] = ['problem', 'problem', 'bug', 'question', 'question', 'suggestion'];
const CUSTOMERS = ['alpha.user', 'beta.user', 'gamma.user'] as const;
const MIN = 60_000;
const HOUR = 60 * MIN;

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

/** Seeds the demo once: returns false (and changes nothing) when the demo people already exist. */
export async function seedDemo(db: Db, now: number, sla: EvaluateOptions = {}, ticketCount = 200): Promise<boolean> {
  const existing = await db.kysely.selectFrom('users').select('id').where('login', '=', 'anna').executeTakeFirst();
  if (existing !== undefined) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  const people = await db.kysely.transaction().execute((trx) => seedPeople(trx, hash, now));
  const actors = new Map<string, Actor>();
  for (const [login, id] of people.users) {
    const user = await userById(db.kysely, id);
    if (user !== undefined) actors.set(login, actorOf(user));
  }
  const who = (login: string): Actor => {
    const a = actors.get(login);
    if (a === undefined) throw new Error(`demo: no ${login}`);
    return a;
  };
  await seedRoster(db, sla.calendar ?? createCalendar(), now, people, who('sofia'));
  let t = now;
  const tickets = createTicketService({ db, now: () => t, sla, onEvents: () => {}, onCall: NOBODY_ON_CALL });
  const rnd = random(20_200_609);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const l1 = ['anna', 'boris'];
  const upper: Record<string, Tier> = { problem: 'l2-analysts', bug: 'l2-analysts', suggestion: 'l2-analysts', question: 'l2-methodologists' };
  const upperAgent: Partial<Record<Tier, string>> = { 'l2-analysts': 'olga', 'l2-methodologists': 'maria', l3: 'dmytro', l4: 'ivan' };

  for (let i = 0; i < ticketCount; i++) {
    const customer = CUSTOMERS[i % 3] ?? 'alpha.user';
    // Mostly the client's language, sometimes another one (R10: as the user prefers).
    const language: Language = rnd() < 0.8 ? (['ru', 'uk', 'en'] as const)[i % 3] ?? 'en' : pick(['ru', 'uk', 'en'] as const);
    const kind = pick(KINDS);
    const phrase = pick(PHRASES[language][kind]);
    // Spread over the last 10 days; the newest tickets are minutes old, so some clocks still run.
    const age = i < 30 ? rnd() * 40 * MIN : rnd() * 10 * 24 * HOUR;
    t = Math.round(now - age);
    const { ticket } = await tickets.create(who(customer), { kind, subject: phrase.subject, body: phrase.body, language });
    const step = (minutes: number): boolean => {
      t = Math.min(now, Math.round(t + minutes * MIN));
      return t < now;
    };
    const agent = pick(l1);
    const scenario = rnd();
    if (i < 30 && scenario < 0.6) continue; // fresh, untouched: running or breached
    if (scenario < 0.12) continue; // never reacted to: breached long ago
    if (!step(5 + rnd() * 30)) continue;
    await tickets.command(who(agent), ticket.id, { type: 'take' });
    if (scenario < 0.3) {
      if (step(10)) await tickets.command(who(agent), ticket.id, { type: 'message', messageType: 'question', body: REPLIES[language].question });
      if (scenario < 0.22 && step(60 + rnd() * 600)) await tickets.command(who(customer), ticket.id, { type: 'message', messageType: 'reply', body: REPLIES[language].answer });
      continue;
    }
    if (scenario < 0.55) {
      const tier = upper[kind] ?? 'l2-analysts';
      if (!step(20)) continue;
      await tickets.command(who(agent), ticket.id, { type: 'route', tier, reason: 'Needs deeper analysis', assignee: undefined });
      if (kind !== 'question' && scenario < 0.4 && step(120)) {
        await tickets.command(who(upperAgent[tier] ?? 'olga'), ticket.id, { type: 'route', tier: 'l3', reason: 'Looks like a defect in the dialer', assignee: undefined });
        if (scenario < 0.34 && step(240)) await tickets.command(who('dmytro'), ticket.id, { type: 'route', tier: 'l4', reason: 'Core telephony change needed', assignee: undefined });
      }
      continue;
    }
    if (scenario < 0.7) {
      if (!step(30)) continue;
      await tickets.command(who(customer), ticket.id, {
        type: 'escalate',
        justification: language === 'ru' ? 'Организация парализована: операторы не могут принимать звонки.' : language === 'uk' ? 'Прямий ефір сьогодні ввечері, дзвінки не приймаються.' : 'Our contact center is paralysed and customers cannot reach us.',
      });
      if (scenario < 0.6 && step(15)) await tickets.command(who('sofia'), ticket.id, { type: 'take' });
      if (scenario < 0.57 && step(60)) await tickets.command(who('sofia'), ticket.id, { type: 'compensation', decision: 'Credit of one day of service.' });
      continue;
    }
    if (step(15)) await tickets.command(who(agent), ticket.id, { type: 'message', messageType: 'reply', body: REPLIES[language].reply });
    if (scenario < 0.95 && step(60 + rnd() * 300)) await tickets.command(who(agent), ticket.id, { type: 'resolve', withoutReply: true });
  }
  await seedOutages(db, now, sla, who);
  return true;
}
