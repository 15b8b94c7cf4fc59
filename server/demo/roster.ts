/**
 * The demo roster (issue 8): boris primary and olga secondary this week, dmytro and anna next
 * week (rotation at 09:00 Monday, shifts handed over at 18:00 on working days), and one override
 * during next week, so the roster screen shows both kinds. Entered through the roster service as
 * sofia (a manager), so it is validated and audited like any change.
 */
import { lastHandOverDate, onCallAt } from '../../shared/oncall/index.ts';
import type { Calendar } from '../../shared/sla/index.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../domain/actor.ts';
import { createOnCallService } from '../domain/oncall-service.ts';
import type { People } from './people.ts';

const DAY_MS = 86_400_000;
const HANDOVERS = [...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, time: '18:00' })), { weekday: 1, time: '09:00' }];
const ROTATE_AT = { weekday: 1, time: '09:00' };

/** Seeds the demo schedule and its override, as of `now`. */
export async function seedRoster(db: Db, calendar: Calendar, now: number, people: People, manager: Actor): Promise<void> {
  const id = (login: string): number => {
    const v = people.users.get(login);
    if (v === undefined) throw new Error(`demo roster: no ${login}`);
    return v;
  };
  const oncall = createOnCallService({ db, now: () => now, calendar });
  const start = lastHandOverDate(calendar.zone, ROTATE_AT, now);
  await oncall.setSchedule(manager, {
    primary: { agents: [id('boris'), id('dmytro')], start, handovers: HANDOVERS, rotateAt: ROTATE_AT },
    secondary: { agents: [id('olga'), id('anna')], start, handovers: HANDOVERS, rotateAt: ROTATE_AT },
  });
  // Next week starts when this week's rotation ends (Monday 09:00); ivan covers dmytro from its
  // Wednesday 18:00 to Thursday 09:00 (no DST change falls mid-week).
  const nextWeek = onCallAt({ layers: await oncall.schedule(), overrides: [] }, calendar, now).until;
  if (nextWeek === null) throw new Error('demo roster: the rotation does not change within 14 days');
  const wednesday18 = nextWeek + 2 * DAY_MS + 9 * 3_600_000;
  const thursday9 = wednesday18 + 15 * 3_600_000;
  await oncall.addOverride(manager, { agentId: id('ivan'), layer: 'primary', from: wednesday18, to: thursday9, reason: 'Dmytro at a conference' });
}
