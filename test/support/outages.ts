/** The outage calls the outage suites make, over real HTTP on a test service (test/support/service.ts). */
import { beforeAll, expect } from 'vitest';
import { WORKING_HOURS } from './clock.ts';
import { changedTables, digestDatabase } from './db-digest.ts';
import type { Reply, TestService } from './service.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** The outage desk of a test service: sign-ins, tickets, every outage route, and refusals that change nothing. */
export function outageDesk(t: TestService) {
  // Tokens live 7 days on the service's clock, which some tests move by weeks: sign in again then.
  const tokens = new Map<string, { token: string; at: number }>();
  async function as(login: string): Promise<string> {
    const cached = tokens.get(login);
    if (cached !== undefined && Math.abs(t.clock.now() - cached.at) < 6 * DAY) return cached.token;
    const r = await t.request('POST', '/api/v1/session', { body: { login, password: 'demo' } });
    tokens.set(login, { token: r.body.token, at: t.clock.now() });
    return r.body.token as string;
  }
  // Signed in up front, so the sessions table stays still while a refusal is checked.
  beforeAll(async () => {
    for (const login of ['anna', 'boris', 'sofia', 'admin', 'alpha.user', 'beta.user']) await as(login);
  });

  /** Files a ticket at `at` (the service's clock), as `customer`. */
  async function file(at: number, customer = 'alpha.user'): Promise<number> {
    t.clock.set(at);
    const r = await t.request('POST', '/api/v1/tickets', { token: await as(customer), body: { kind: 'problem', subject: 'Autodialer silent', body: 'No calls go out.' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.ticket.id as number;
  }
  const declare = async (ticketId: number, login = 'anna', groups: string[] = ['autodialer']): Promise<Reply> =>
    t.request('POST', '/api/v1/outages', { token: await as(login), body: { groups, summary: 'Trunk provider down', ticketId } });
  /** A fresh outage declared from a ticket received at `at`, now `later` after it. */
  async function outage(at = WORKING_HOURS, later = 5 * MIN, groups: string[] = ['autodialer']): Promise<{ id: number; ticket: number }> {
    const ticket = await file(at);
    t.clock.set(at + later);
    const r = await declare(ticket, 'anna', groups);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.outage.id as number, ticket };
  }
  /** Runs `request` and checks that it was refused with `status` and changed nothing. */
  async function refused(status: number, request: () => Promise<{ status: number; body: unknown }>): Promise<{ error: string; message: string; field?: string }> {
    const before = await digestDatabase(t.db);
    const r = await request();
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(changedTables(before, await digestDatabase(t.db))).toEqual([]);
    return r.body as { error: string; message: string; field?: string };
  }

  return {
    as,
    file,
    declare,
    outage,
    refused,
    link: async (id: number, ticketId: number, login = 'anna'): Promise<Reply> => t.request('POST', `/api/v1/outages/${id}/tickets`, { token: await as(login), body: { ticketId } }),
    unlink: async (id: number, ticketId: number, login = 'anna'): Promise<Reply> => t.request('DELETE', `/api/v1/outages/${id}/tickets/${ticketId}`, { token: await as(login) }),
    restore: async (id: number, body?: unknown, login = 'anna'): Promise<Reply> => t.request('POST', `/api/v1/outages/${id}/restore`, { token: await as(login), ...(body !== undefined ? { body } : {}) }),
    exclude: async (id: number, reason: string, login = 'anna'): Promise<Reply> => t.request('POST', `/api/v1/outages/${id}/exclude`, { token: await as(login), body: { reason } }),
    get: async (id: number, login = 'anna'): Promise<Reply> => t.request('GET', `/api/v1/outages/${id}`, { token: await as(login) }),
    list: async (query = '', login = 'anna'): Promise<Reply> => t.request('GET', `/api/v1/outages${query}`, { token: await as(login) }),
  };
}
