/** The roster the on-call console tests share, set through the API as sofia (a manager). */
import { expect } from 'vitest';
import type { Desk } from '../../../../support/real-console.tsx';

const MONDAY_9 = { weekday: 1, time: '09:00' };

/** Boris primary and Olga secondary the week of 23 Nov 2026, Dmytro and Anna the next; the rotation passes at 09:00 on Monday. */
export async function setRoster(desk: Desk): Promise<void> {
  const id = (login: string): number => desk.ts.people.users.get(login) as number;
  const rotation = (agents: readonly number[]) => ({ agents, start: '2026-11-23', handovers: [MONDAY_9], rotateAt: MONDAY_9 });
  const r = await desk.ts.request('PUT', '/api/v1/oncall/schedule', {
    token: await desk.ts.login('sofia'),
    body: { primary: rotation([id('boris'), id('dmytro')]), secondary: rotation([id('olga'), id('anna')]) },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
