/**
 * The demo dataset (issues 3, 12): the demo people, the roster (roster.ts), a team's ordinary day of
 * tickets (day.ts), the year's outages (outages.ts) and internal per-tier targets (ola.ts), all replayed through the real commands
 * relative to the service's "now" (real or `--clock`), so the demo looks alike at any hour.
 * `withDay: false` (tests) seeds no day of tickets.
 */
import { createCalendar, type EvaluateOptions } from '../../shared/sla/index.ts';
import { actorOf } from '../auth/sessions.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { userById } from '../store/users.ts';
import { DEMO_PASSWORD, seedPeople } from './people.ts';
import { seedOutages } from './outages.ts';
import { seedRoster } from './roster.ts';
import { seedDay } from './day.ts';
import { seedCannedReplies } from './canned.ts';
import { seedOlaTargets } from './ola.ts';

/** Seeds the demo once: returns false (and changes nothing) when the demo people already exist. */
export async function seedDemo(db: Db, now: number, sla: EvaluateOptions = {}, withDay = true): Promise<boolean> {
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
  if (withDay) await seedDay(db, now, sla, who);
  await seedOutages(db, now, sla, who);
  await seedCannedReplies(db, now, who('sofia').id);
  await seedOlaTargets(db, now);
  return true;
}
