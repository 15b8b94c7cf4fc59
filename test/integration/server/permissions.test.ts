/**
 * Every route x every caller, as a table, over real HTTP on SQLite and PostgreSQL. Each cell is
 * the outcome class docs/api.md and docs/sla.md give (ok / 401 / 403 / 404 hidden / 409 state /
 * 400), on a fresh ticket where state matters; a refused cell must also leave every table as it
 * was. Then: internal notes (and agents-only events) never reach a customer, through any route or
 * event, replayed or live, their own client's or another's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../../shared/model/index.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../shared/sla/index.ts';
import { SATURDAY_3AM, WORKING_HOURS } from '../../support/clock.ts';
import { changedTables, createDigester } from '../../support/db-digest.ts';
import { engines, openEventSocket, startTestService, type TestService } from '../../support/service.ts';

const DAY = 24 * 3600_000;

/** The callers, as columns. Tickets are Alpha's: alpha.user is "the ticket's client". */
const CALLERS = ['customer', 'other customer', 'l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4', 'manager', 'admin', 'no token', 'expired token', 'logged-out token'] as const;
type Caller = (typeof CALLERS)[number];
const LOGIN: Readonly<Record<Caller, string | null>> = {
  customer: 'alpha.user',
  'other customer': 'beta.user',
  l1: 'anna',
  'l2-analysts': 'olga',
  'l2-methodologists': 'maria',
  l3: 'dmytro',
  l4: 'ivan',
  manager: 'sofia',
  admin: 'admin',
  'no token': null,
  'expired token': null,
  'logged-out token': null,
};

/** Outcome classes. */
type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
const ok = 'ok';

/** What a row's request acts on: built fresh per cell through the real API. */
interface Fixture {
  readonly id: number;
  readonly other?: number;
}

interface Row {
  readonly name: string;
  /** Builds the state the request needs (on a fresh ticket), as agents and customers would. */
  readonly setup?: (d: Desk) => Promise<Fixture>;
  /** `csv`: the body is sent as text/csv instead of JSON. */
  readonly request: (f: Fixture, d: Desk) => { method: string; path: string; body?: unknown; csv?: string };
  /** Whether the request spends the caller's token (sign-out): the cell gets a token of its own. */
  readonly spendsToken?: boolean;
  /** One outcome per caller, in the order of CALLERS. */
  readonly expect: readonly Outcome[];
}

/** The API calls fixtures are built with. */
interface Desk {
  file(kind?: string, login?: string): Promise<number>;
  act(login: string, id: number, action: string, body?: unknown): Promise<void>;
  userId(login: string): number;
  /** An on-call override of its own (no two cells' overrides overlap), added by a manager; its id. */
  override(): Promise<number>;
  /** A ticket escalated at 03:00 on Saturday, so it is paged (the primary on call, else the managers); the page's id. */
  page(): Promise<number>;
  /** An autodialer outage (Alpha's group, not Beta's) declared by anna from a fresh ticket of Alpha's; its id. */
  outage(): Promise<number>;
  /** An outage command by anna that must succeed. */
  outageAct(method: string, path: string, body?: unknown): Promise<void>;
  /** The first ticket of an outage. */
  outageTicket(id: number): Promise<number>;
  /** Issue 10: a fresh agent (role agent, l1), made by the admin; its id. */
  agent(): Promise<number>;
  /** Issue 10: a fresh client, made by the admin; its id. */
  client(): Promise<number>;
  /** Issue 10: a fresh customer of a fresh client: `id` the client, `other` the customer. */
  customer(): Promise<Fixture>;
  /** Issue 11: a Telegram message another instance gave up on (this service has no bot token); its id. */
  failedTelegram(): Promise<number>;
  /** Issue 12: a canned reply of its own, made by the manager; its id. */
  cannedReply(): Promise<number>;
}

// The table. Columns: customer, other customer, l1, l2-analysts, l2-methodologists, l3, l4, manager, admin, no token, expired, logged-out.
const ALL_OK: readonly Outcome[] = CALLERS.map(() => ok);
const SIGNED_IN: readonly Outcome[] = [ok, ok, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401];
const fresh = (d: Desk) => d.file().then((id) => ({ id }));
const inWork = async (d: Desk) => {
  const id = await d.file();
  await d.act('anna', id, 'take');
  return { id };
};
const resolved = async (d: Desk) => {
  const { id } = await inWork(d);
  await d.act('anna', id, 'resolve', { withoutReply: true });
  return { id };
};
const escalated = async (d: Desk) => {
  const id = await d.file();
  await d.act('alpha.user', id, 'escalate', { justification: 'The whole call centre is idle since nine.' });
  return { id };
};
const atAnalysts = async (d: Desk) => {
  const id = await d.file();
  await d.act('anna', id, 'route', { tier: 'l2-analysts', reason: 'needs the logs' });
  return { id };
};
// Issue 8: the on-call roster. Every cell's override covers an hour of its own, so none overlaps another.
let overrideHour = 0;
const overrideBody = (d: Desk) => {
  const from = Date.parse('2027-01-04T00:00:00Z') + overrideHour++ * 3_600_000;
  return { agentId: d.userId('olga'), layer: 'primary', from, to: from + 3_600_000 };
};
const AGENTS_ONLY: readonly Outcome[] = [403, 403, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401];
const EDITORS_ONLY: readonly Outcome[] = [403, 403, 403, 403, 403, 403, 403, ok, ok, 401, 401, 401];
const schedule = (d: Desk) => {
  const rotation = (agents: number[]) => ({ agents, start: '2026-11-23', handovers: [{ weekday: 1, time: '09:00' }], rotateAt: { weekday: 1, time: '09:00' } });
  return { primary: rotation([d.userId('boris')]), secondary: rotation([d.userId('olga')]) };
};
const post = (action: string, body?: unknown) => (f: Fixture) => ({ method: 'POST', path: `/api/v1/tickets/${f.id}/${action}`, ...(body !== undefined ? { body } : {}) });
// Issue 9: outages. Fixtures: `id` the outage, `other` a ticket.
const anOutage = async (d: Desk) => ({ id: await d.outage() });
const withFreshTicket = async (d: Desk) => ({ id: await d.outage(), other: await d.file() });
const withTwoTickets = async (d: Desk) => {
  const { id, other } = await withFreshTicket(d);
  await d.outageAct('POST', `/api/v1/outages/${id}/tickets`, { ticketId: other });
  return { id, other };
};
/** Another outage, and a ticket linked to the first one. */
const ticketInAnother = async (d: Desk) => ({ other: (await withTwoTickets(d)).other, id: await d.outage() });
const restoredOutage = async (d: Desk) => {
  const id = await d.outage();
  await d.outageAct('POST', `/api/v1/outages/${id}/restore`);
  return { id };
};
const excludedOutage = async (d: Desk) => {
  const id = await d.outage();
  await d.outageAct('POST', `/api/v1/outages/${id}/exclude`, { reason: 'their carrier' });
  return { id };
};
const outagePost = (action: string, body?: unknown) => (f: Fixture) => ({ method: 'POST', path: `/api/v1/outages/${f.id}/${action}`, ...(body !== undefined ? { body } : {}) });
const AGENTS_OR_409: readonly Outcome[] = [403, 403, 409, 409, 409, 409, 409, 409, 409, 401, 401, 401];
const MANAGER_ONLY: readonly Outcome[] = [403, 403, 403, 403, 403, 403, 403, ok, 403, 401, 401, 401];

// Issue 10: administration. Managers read people and clients; admins change them and read the audit.
const READERS: readonly Outcome[] = [403, 403, 403, 403, 403, 403, 403, ok, ok, 401, 401, 401];
const ADMIN_ONLY: readonly Outcome[] = [403, 403, 403, 403, 403, 403, 403, 403, ok, 401, 401, 401];
const adminOr = (outcome: Outcome): readonly Outcome[] => [403, 403, 403, 403, 403, 403, 403, 403, outcome, 401, 401, 401];
const managerOrAdmin = (outcome: Outcome): readonly Outcome[] => [403, 403, 403, 403, 403, 403, 403, outcome, outcome, 401, 401, 401];
const MANAGER_OR_ADMIN = managerOrAdmin(ok);
const aCannedReply = async (d: Desk) => ({ id: await d.cannedReply() });
let unique = 0;
const fresh10 = (prefix: string) => `${prefix}.${unique++}`;
const anAgent = async (d: Desk) => ({ id: await d.agent() });
const aClient = async (d: Desk) => ({ id: await d.client() });

const ROWS: readonly Row[] = [
  { name: 'GET /admin/agents', request: () => ({ method: 'GET', path: '/api/v1/admin/agents' }), expect: READERS },
  { name: 'POST /admin/agents', request: () => ({ method: 'POST', path: '/api/v1/admin/agents', body: { login: fresh10('perm.agent'), name: 'Perm Agent', role: 'agent', tiers: ['l1'] } }), expect: ADMIN_ONLY },
  { name: 'POST /admin/agents (a taken login)', request: () => ({ method: 'POST', path: '/api/v1/admin/agents', body: { login: 'anna', name: 'Anna Again', role: 'agent', tiers: ['l1'] } }), expect: adminOr(409) },
  { name: 'PATCH /admin/agents/:id (rename)', setup: anAgent, request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/agents/${f.id}`, body: { name: 'Renamed Agent' } }), expect: ADMIN_ONLY },
  { name: 'PATCH /admin/agents/:id (deactivate)', setup: anAgent, request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/agents/${f.id}`, body: { active: false } }), expect: ADMIN_ONLY },
  { name: 'PATCH /admin/agents/:id (deactivate the last admin)', request: (_f, d) => ({ method: 'PATCH', path: `/api/v1/admin/agents/${d.userId('admin')}`, body: { active: false } }), expect: adminOr(409) },
  { name: 'PATCH /admin/agents/:id (demote the last admin)', request: (_f, d) => ({ method: 'PATCH', path: `/api/v1/admin/agents/${d.userId('admin')}`, body: { role: 'manager' } }), expect: adminOr(409) },
  { name: 'PATCH /admin/agents/:id (no such agent)', request: () => ({ method: 'PATCH', path: '/api/v1/admin/agents/999999', body: { name: 'Nobody' } }), expect: adminOr(404) },
  { name: 'PATCH /admin/agents/:id (nothing to change)', setup: anAgent, request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/agents/${f.id}`, body: {} }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'POST /admin/agents/:id/password', setup: anAgent, request: (f) => ({ method: 'POST', path: `/api/v1/admin/agents/${f.id}/password` }), expect: ADMIN_ONLY },
  { name: 'GET /admin/clients', request: () => ({ method: 'GET', path: '/api/v1/admin/clients' }), expect: READERS },
  { name: 'POST /admin/clients', request: () => ({ method: 'POST', path: '/api/v1/admin/clients', body: { name: fresh10('Perm Client'), primaryGroup: 'inbound', language: 'en' } }), expect: ADMIN_ONLY },
  { name: 'POST /admin/clients (a taken name)', request: () => ({ method: 'POST', path: '/api/v1/admin/clients', body: { name: 'alpha', primaryGroup: 'inbound', language: 'en' } }), expect: adminOr(409) },
  { name: 'PATCH /admin/clients/:id', setup: aClient, request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/clients/${f.id}`, body: { language: 'uk' } }), expect: ADMIN_ONLY },
  { name: 'GET /admin/clients/:id/customers', setup: aClient, request: (f) => ({ method: 'GET', path: `/api/v1/admin/clients/${f.id}/customers` }), expect: READERS },
  { name: 'GET /admin/clients/:id/customers (no such client)', request: () => ({ method: 'GET', path: '/api/v1/admin/clients/999999/customers' }), expect: [403, 403, 403, 403, 403, 403, 403, 404, 404, 401, 401, 401] },
  { name: 'POST /admin/clients/:id/customers', setup: aClient, request: (f) => ({ method: 'POST', path: `/api/v1/admin/clients/${f.id}/customers`, body: { login: fresh10('perm.customer'), name: 'Perm Customer' } }), expect: ADMIN_ONLY },
  { name: 'PATCH /admin/clients/:id/customers/:customerId', setup: (d) => d.customer(), request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/clients/${f.id}/customers/${f.other ?? 0}`, body: { active: false } }), expect: ADMIN_ONLY },
  { name: 'POST /admin/clients/:id/customers/:customerId/password', setup: (d) => d.customer(), request: (f) => ({ method: 'POST', path: `/api/v1/admin/clients/${f.id}/customers/${f.other ?? 0}/password` }), expect: ADMIN_ONLY },
  { name: 'POST /admin/clients/:id/customers/import?dryRun=true', setup: aClient, request: (f) => ({ method: 'POST', path: `/api/v1/admin/clients/${f.id}/customers/import?dryRun=true`, csv: `login,name\n${fresh10('perm.csv')},Perm Csv\n` }), expect: ADMIN_ONLY },
  { name: 'POST /admin/clients/:id/customers/import', setup: aClient, request: (f) => ({ method: 'POST', path: `/api/v1/admin/clients/${f.id}/customers/import`, csv: `login,name\n${fresh10('perm.csv')},Perm Csv\n` }), expect: ADMIN_ONLY },
  { name: 'POST /admin/clients/:id/customers/import (a taken login)', setup: aClient, request: (f) => ({ method: 'POST', path: `/api/v1/admin/clients/${f.id}/customers/import`, csv: 'login,name\nanna,Anna Again\n' }), expect: adminOr(400) },
  { name: 'GET /admin/audit', request: () => ({ method: 'GET', path: '/api/v1/admin/audit?limit=10' }), expect: ADMIN_ONLY },
  // Issue 11: the Telegram status channel. Admins set a client's chat and watch the outbox; this service has no bot token.
  { name: 'PATCH /admin/clients/:id (Telegram chat)', setup: aClient, request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/clients/${f.id}`, body: { telegramChatId: '-1001234567890' } }), expect: ADMIN_ONLY },
  { name: 'PATCH /admin/clients/:id (not a chat id)', setup: aClient, request: (f) => ({ method: 'PATCH', path: `/api/v1/admin/clients/${f.id}`, body: { telegramChatId: 'my group' } }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'GET /admin/telegram', request: () => ({ method: 'GET', path: '/api/v1/admin/telegram' }), expect: ADMIN_ONLY },
  { name: 'POST /admin/telegram/:id/retry (no such message)', request: () => ({ method: 'POST', path: '/api/v1/admin/telegram/999999/retry' }), expect: adminOr(404) },
  { name: 'POST /admin/telegram/:id/retry (no bot token here)', setup: async (d) => ({ id: await d.failedTelegram() }), request: (f) => ({ method: 'POST', path: `/api/v1/admin/telegram/${f.id}/retry` }), expect: adminOr(409) },
  // Issue 12: canned replies. Every agent reads them; managers and admins create, edit and delete them.
  { name: 'GET /canned-replies', request: () => ({ method: 'GET', path: '/api/v1/canned-replies?tier=l1&language=en' }), expect: AGENTS_ONLY },
  { name: 'POST /canned-replies', request: () => ({ method: 'POST', path: '/api/v1/canned-replies', body: { title: 'Perm', body: 'Hello {customer}', language: 'en', tier: 'l1' } }), expect: MANAGER_OR_ADMIN },
  { name: 'POST /canned-replies (an unknown placeholder)', request: () => ({ method: 'POST', path: '/api/v1/canned-replies', body: { title: 'Perm', body: 'Hello {name}', language: 'en', tier: null } }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'PATCH /canned-replies/:id', setup: aCannedReply, request: (f) => ({ method: 'PATCH', path: `/api/v1/canned-replies/${f.id}`, body: { title: 'Perm, edited' } }), expect: MANAGER_OR_ADMIN },
  { name: 'PATCH /canned-replies/:id (no such reply)', request: () => ({ method: 'PATCH', path: '/api/v1/canned-replies/999999', body: { title: 'Perm' } }), expect: managerOrAdmin(404) },
  { name: 'DELETE /canned-replies/:id', setup: aCannedReply, request: (f) => ({ method: 'DELETE', path: `/api/v1/canned-replies/${f.id}` }), expect: MANAGER_OR_ADMIN },
  // Issue 12: internal per-tier targets (docs/ola.md). Agents read them, admins set them, managers and admins read the report.
  { name: 'GET /ola/targets', request: () => ({ method: 'GET', path: '/api/v1/ola/targets' }), expect: AGENTS_ONLY },
  { name: 'PUT /ola/targets', request: () => ({ method: 'PUT', path: '/api/v1/ola/targets', body: { targets: { l1: null, 'l2-analysts': 240, 'l2-methodologists': 240, l3: 480, l4: 960 } } }), expect: ADMIN_ONLY },
  { name: 'PUT /ola/targets (a target of 0 minutes)', request: () => ({ method: 'PUT', path: '/api/v1/ola/targets', body: { targets: { l1: null, 'l2-analysts': 0, 'l2-methodologists': null, l3: null, l4: null } } }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'GET /ola/report', request: () => ({ method: 'GET', path: `/api/v1/ola/report?from=${WORKING_HOURS - DAY}&to=${WORKING_HOURS + DAY}` }), expect: READERS },
  { name: 'DELETE /canned-replies/:id (no such reply)', request: () => ({ method: 'DELETE', path: '/api/v1/canned-replies/999999' }), expect: managerOrAdmin(404) },
  // Each user's own password and sessions (a too short new password: refused for everyone signed in, before the current one is checked).
  { name: 'POST /session/password (too short)', request: () => ({ method: 'POST', path: '/api/v1/session/password', body: { current: 'demo', next: 'short' } }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'GET /session/others', request: () => ({ method: 'GET', path: '/api/v1/session/others' }), expect: SIGNED_IN },
  { name: 'DELETE /session/others', request: () => ({ method: 'DELETE', path: '/api/v1/session/others' }), expect: SIGNED_IN },
  { name: 'DELETE /session/others/:id (not one of theirs)', request: () => ({ method: 'DELETE', path: '/api/v1/session/others/AAAAAAAAAAAAAAAAAAAAAA' }), expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 401, 401, 401] },
  { name: 'GET /oncall', request: () => ({ method: 'GET', path: '/api/v1/oncall' }), expect: AGENTS_ONLY },
  { name: 'GET /oncall/schedule', request: () => ({ method: 'GET', path: '/api/v1/oncall/schedule' }), expect: AGENTS_ONLY },
  { name: 'PUT /oncall/schedule', request: (_f, d) => ({ method: 'PUT', path: '/api/v1/oncall/schedule', body: schedule(d) }), expect: EDITORS_ONLY },
  { name: 'GET /oncall/overrides', request: () => ({ method: 'GET', path: '/api/v1/oncall/overrides' }), expect: AGENTS_ONLY },
  { name: 'POST /oncall/overrides', request: (_f, d) => ({ method: 'POST', path: '/api/v1/oncall/overrides', body: overrideBody(d) }), expect: EDITORS_ONLY },
  // Issue 8: pages. Acknowledging is for whom the page has paged (never anna: boris is primary, or nobody is and it pages the managers) and managers.
  { name: 'GET /pages', request: () => ({ method: 'GET', path: '/api/v1/pages?state=all' }), expect: AGENTS_ONLY },
  { name: 'POST /pages/:id/ack', setup: async (d) => ({ id: await d.page() }), request: (f) => ({ method: 'POST', path: `/api/v1/pages/${f.id}/ack` }), expect: [403, 403, 403, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'DELETE /oncall/overrides/:id', setup: async (d) => ({ id: await d.override() }), request: (f) => ({ method: 'DELETE', path: `/api/v1/oncall/overrides/${f.id}` }), expect: EDITORS_ONLY },
  // Issue 9: outages. Alpha's primary group is the autodialer, Beta's inbound; customers see their group's, never excluded ones.
  { name: 'GET /outages', request: () => ({ method: 'GET', path: '/api/v1/outages?state=all' }), expect: SIGNED_IN },
  { name: 'GET /outages/:id (an autodialer outage)', setup: anOutage, request: (f) => ({ method: 'GET', path: `/api/v1/outages/${f.id}` }), expect: [ok, 404, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'GET /outages/:id (excluded)', setup: excludedOutage, request: (f) => ({ method: 'GET', path: `/api/v1/outages/${f.id}` }), expect: [404, 404, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'GET /outages/:id (no such outage)', request: () => ({ method: 'GET', path: '/api/v1/outages/999999' }), expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 401, 401, 401] },
  { name: 'POST /outages (declare from a ticket)', setup: fresh, request: (f) => ({ method: 'POST', path: '/api/v1/outages', body: { groups: ['autodialer'], summary: 'Dialer down', ticketId: f.id } }), expect: AGENTS_ONLY },
  {
    name: 'POST /outages from a ticket in an outage',
    setup: withTwoTickets,
    request: (f) => ({ method: 'POST', path: '/api/v1/outages', body: { groups: ['inbound'], summary: 'Again', ticketId: f.other } }),
    expect: AGENTS_OR_409,
  },
  { name: 'link a ticket to an outage', setup: withFreshTicket, request: (f) => outagePost('tickets', { ticketId: f.other })(f), expect: AGENTS_ONLY },
  { name: 'link a ticket that is in another outage', setup: ticketInAnother, request: (f) => outagePost('tickets', { ticketId: f.other })(f), expect: AGENTS_OR_409 },
  { name: 'unlink one of two tickets', setup: withTwoTickets, request: (f) => ({ method: 'DELETE', path: `/api/v1/outages/${f.id}/tickets/${f.other}` }), expect: AGENTS_ONLY },
  {
    name: 'unlink the last ticket',
    setup: async (d) => {
      const { id, other } = await withTwoTickets(d);
      await d.outageAct('DELETE', `/api/v1/outages/${id}/tickets/${other}`);
      return { id, other: await d.outageTicket(id) };
    },
    request: (f) => ({ method: 'DELETE', path: `/api/v1/outages/${f.id}/tickets/${f.other}` }),
    expect: AGENTS_OR_409,
  },
  { name: 'restore an open outage', setup: anOutage, request: outagePost('restore'), expect: AGENTS_ONLY },
  { name: 'restore a restored outage', setup: restoredOutage, request: outagePost('restore'), expect: AGENTS_OR_409 },
  { name: 'restore before the start of downtime', setup: anOutage, request: outagePost('restore', { at: 0 }), expect: [403, 403, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'exclude an outage (R27)', setup: anOutage, request: outagePost('exclude', { reason: "the customer's PBX" }), expect: AGENTS_ONLY },
  { name: 'exclude an excluded outage', setup: excludedOutage, request: outagePost('exclude', { reason: 'again' }), expect: AGENTS_OR_409 },
  { name: 'compensation on an outage (R6c)', setup: anOutage, request: outagePost('compensation', { decision: 'A week free.' }), expect: MANAGER_ONLY },
  // Issue 9: availability. Everyone signed in reads it (a customer their own client and group); a bad year is a 400 for all of them.
  { name: 'GET /availability', request: () => ({ method: 'GET', path: '/api/v1/availability' }), expect: SIGNED_IN },
  { name: 'GET /availability?year=2025', request: () => ({ method: 'GET', path: '/api/v1/availability?year=2025' }), expect: SIGNED_IN },
  { name: 'GET /availability?year=1999', request: () => ({ method: 'GET', path: '/api/v1/availability?year=1999' }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  // Issue 10: the support calendar. Every agent reads it, admins replace it; a bad calendar is a 400 for every signed-in caller.
  { name: 'GET /admin/calendar', request: () => ({ method: 'GET', path: '/api/v1/admin/calendar' }), expect: AGENTS_ONLY },
  { name: 'PUT /admin/calendar', request: () => ({ method: 'PUT', path: '/api/v1/admin/calendar', body: { ...DEFAULT_CALENDAR_CONFIG, holidays: ['2030-01-01'] } }), expect: [403, 403, 403, 403, 403, 403, 403, 403, ok, 401, 401, 401] },
  { name: 'PUT /admin/calendar (open after close)', request: () => ({ method: 'PUT', path: '/api/v1/admin/calendar', body: { ...DEFAULT_CALENDAR_CONFIG, open: '19:00' } }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  //                                                                                     cust  other l1   l2a  l2m  l3   l4   mgr  admin none exp  out
  { name: 'GET /clock', request: () => ({ method: 'GET', path: '/api/v1/clock' }), expect: ALL_OK },
  { name: 'GET /info', request: () => ({ method: 'GET', path: '/api/v1/info' }), expect: ALL_OK },
  { name: 'POST /session (valid credentials)', request: () => ({ method: 'POST', path: '/api/v1/session', body: { login: 'gamma.user', password: 'demo' } }), expect: ALL_OK },
  { name: 'GET /session', request: () => ({ method: 'GET', path: '/api/v1/session' }), expect: SIGNED_IN },
  // Issue 10: the first start is public, and a service with people is set up already (409 for anyone; bad input a 400 first).
  { name: 'POST /setup (set up already)', request: () => ({ method: 'POST', path: '/api/v1/setup', body: { code: '0000-0000-0000-0000', organization: 'Acme', admin: { login: 'newadmin', name: 'New Admin', password: 'long enough secret' } } }), expect: CALLERS.map(() => 409) },
  { name: 'POST /setup (short password)', request: () => ({ method: 'POST', path: '/api/v1/setup', body: { code: '0000-0000-0000-0000', organization: 'Acme', admin: { login: 'newadmin', name: 'New Admin', password: 'short' } } }), expect: CALLERS.map(() => 400) },
  { name: 'DELETE /session', spendsToken: true, request: () => ({ method: 'DELETE', path: '/api/v1/session' }), expect: SIGNED_IN },
  { name: 'GET /agents', request: () => ({ method: 'GET', path: '/api/v1/agents' }), expect: [403, 403, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'GET /tickets?view=all', request: () => ({ method: 'GET', path: '/api/v1/tickets?view=all' }), expect: SIGNED_IN },
  { name: 'GET /queue?view=all', request: () => ({ method: 'GET', path: '/api/v1/queue?view=all&limit=5' }), expect: SIGNED_IN },
  { name: 'GET /queue (not a cursor)', request: () => ({ method: 'GET', path: '/api/v1/queue?after=1.2.3' }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'GET /queue (a cursor past the safe integers)', request: () => ({ method: 'GET', path: '/api/v1/queue?after=1.9999999999999999.1.1' }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'POST /tickets', request: () => ({ method: 'POST', path: '/api/v1/tickets', body: { kind: 'bug', subject: 'Export fails', body: 'CSV export returns an empty file.' } }), expect: [ok, ok, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401] },
  { name: 'GET /tickets/:id', setup: fresh, request: (f) => ({ method: 'GET', path: `/api/v1/tickets/${f.id}` }), expect: [ok, 404, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'GET /tickets/:id (no such ticket)', request: () => ({ method: 'GET', path: '/api/v1/tickets/999999' }), expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 401, 401, 401] },
  { name: 'reply on a new l1 ticket', setup: fresh, request: post('messages', { type: 'reply', body: 'Checking now.' }), expect: [ok, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'question on a new l1 ticket', setup: fresh, request: post('messages', { type: 'question', body: 'Which campaign?' }), expect: [403, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'note on a new l1 ticket', setup: fresh, request: post('messages', { type: 'note', body: 'Trunk 3 flaps.' }), expect: [403, 404, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'note on a resolved ticket', setup: resolved, request: post('messages', { type: 'note', body: 'For the record.' }), expect: [403, 404, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'reply on a resolved ticket', setup: resolved, request: post('messages', { type: 'reply', body: 'Still broken.' }), expect: [409, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401] },
  { name: 'reply on an l2-analysts ticket', setup: atAnalysts, request: post('messages', { type: 'reply', body: 'Looking at logs.' }), expect: [ok, 404, 403, ok, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'take a new l1 ticket', setup: fresh, request: post('take'), expect: [403, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'take an l2-analysts ticket', setup: atAnalysts, request: post('take'), expect: [403, 404, 403, ok, 403, 403, 403, ok, 403, 401, 401, 401] },
  // Issue 7: the loser of a take gets 409 naming the holder; taking over is an explicit {takeOver: true}.
  {
    name: 'take a ticket boris holds',
    setup: async (d) => {
      const id = await d.file();
      await d.act('boris', id, 'take');
      return { id };
    },
    request: post('take'),
    expect: [403, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401],
  },
  { name: 'take a resolved ticket', setup: resolved, request: post('take'), expect: [403, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401] },
  { name: 'route l1 -> l2-analysts (on the path)', setup: fresh, request: post('route', { tier: 'l2-analysts', reason: 'needs the logs' }), expect: [403, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'route l1 -> l3 (out of turn)', setup: fresh, request: post('route', { tier: 'l3', reason: 'known defect' }), expect: [403, 404, 403, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'route l2-analysts -> l1 (back down the path)', setup: atAnalysts, request: post('route', { tier: 'l1', reason: 'not a defect' }), expect: [403, 404, 403, ok, 403, 403, 403, ok, 403, 401, 401, 401] },
  {
    name: 'route choosing the assignee',
    setup: fresh,
    request: (f, d) => post('route', { tier: 'l2-analysts', reason: 'olga knows it', assigneeId: d.userId('olga') })(f),
    expect: [403, 404, 403, 403, 403, 403, 403, ok, 403, 401, 401, 401],
  },
  { name: 'route a resolved ticket', setup: resolved, request: post('route', { tier: 'l2-analysts', reason: 'late' }), expect: [403, 404, 409, 409, 409, 409, 409, 409, 409, 401, 401, 401] },
  { name: 'escalate a new ticket', setup: fresh, request: post('escalate', { justification: 'Every call drops, we are losing sales.' }), expect: [ok, 404, ok, ok, ok, ok, ok, ok, ok, 401, 401, 401] },
  { name: 'escalate an escalated ticket', setup: escalated, request: post('escalate', { justification: 'Nothing happened for an hour now.' }), expect: [409, 404, 409, 409, 409, 409, 409, 409, 409, 401, 401, 401] },
  { name: 'escalate with a one-word justification', setup: fresh, request: post('escalate', { justification: 'urgent' }), expect: [400, 400, 400, 400, 400, 400, 400, 400, 400, 401, 401, 401] },
  { name: 'resolve an l1 ticket in work', setup: inWork, request: post('resolve', { withoutReply: true }), expect: [403, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'resolve an l1 ticket in work with a closing reply', setup: inWork, request: post('resolve', { reply: 'Fixed: the trunk is back.' }), expect: [403, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'resolve an l1 ticket with neither a closing reply nor withoutReply', setup: inWork, request: post('resolve'), expect: [403, 404, 400, 403, 403, 403, 403, 400, 403, 401, 401, 401] },
  { name: 'resolve an escalated ticket', setup: escalated, request: post('resolve', { withoutReply: true }), expect: [403, 404, 403, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'resolve a resolved ticket', setup: resolved, request: post('resolve', { withoutReply: true }), expect: [403, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401] },
  { name: 'reopen a resolved ticket', setup: resolved, request: post('reopen'), expect: [ok, 404, 400, 403, 403, 403, 403, 400, 403, 401, 401, 401] },
  { name: 'reopen a resolved ticket with a reason', setup: resolved, request: post('reopen', { reason: 'The customer called: still broken.' }), expect: [ok, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'reopen an open ticket', setup: fresh, request: post('reopen', { reason: 'still broken' }), expect: [409, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401] },
  {
    name: 'merge into an open ticket of the same client',
    setup: async (d) => ({ id: await d.file(), other: await d.file() }),
    request: (f) => post('merge', { into: f.other })(f),
    expect: [403, 404, ok, 403, 403, 403, 403, ok, 403, 401, 401, 401],
  },
  {
    name: "merge into another client's ticket",
    setup: async (d) => ({ id: await d.file(), other: await d.file('problem', 'beta.user') }),
    request: (f) => post('merge', { into: f.other })(f),
    expect: [403, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401],
  },
  {
    name: 'merge into a resolved ticket',
    setup: async (d) => ({ id: await d.file(), other: (await resolved(d)).id }),
    request: (f) => post('merge', { into: f.other })(f),
    expect: [403, 404, 409, 403, 403, 403, 403, 409, 403, 401, 401, 401],
  },
  { name: 'compensation on an escalated ticket', setup: escalated, request: post('compensation', { decision: 'One month free.' }), expect: [403, 404, 403, 403, 403, 403, 403, ok, 403, 401, 401, 401] },
  { name: 'compensation on a ticket never escalated', setup: fresh, request: post('compensation', { decision: 'One month free.' }), expect: [403, 404, 403, 403, 403, 403, 403, 409, 403, 401, 401, 401] },
];

const classOf = (status: number): Outcome | string => (status >= 200 && status < 300 ? ok : [400, 401, 403, 404, 409].includes(status) ? (status as Outcome) : `unexpected ${status}`);

describe.each(engines())('permissions on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  const tokens = new Map<Caller, string>();

  const desk: Desk = {
    async file(kind = 'problem', login = 'alpha.user') {
      const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(login), body: { kind, subject: 'Calls drop', body: 'Every call drops after ten seconds.' } });
      if (r.status !== 201) throw new Error(`file: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { ticket: { id: number } }).ticket.id;
    },
    async act(login, id, action, body) {
      const r = await t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: await t.login(login), body });
      if (r.status >= 300) throw new Error(`${login} ${action} #${id}: ${r.status} ${JSON.stringify(r.body)}`);
    },
    userId: (login) => t.people.users.get(login) ?? 0,
    async override() {
      const r = await t.request('POST', '/api/v1/oncall/overrides', { token: await t.login('sofia'), body: overrideBody(desk) });
      if (r.status !== 201) throw new Error(`override: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { id: number }).id;
    },
    async page() {
      t.clock.set(SATURDAY_3AM);
      let id: number;
      try {
        id = await desk.file();
        await desk.act('alpha.user', id, 'escalate', { justification: 'Our call centre cannot take a single call tonight.' });
      } finally {
        t.clock.set(WORKING_HOURS);
      }
      const r = await t.request<{ pages: { id: number; ticketId: number }[] }>('GET', '/api/v1/pages?state=open', { token: await t.login('sofia') });
      const page = r.body.pages.find((p) => p.ticketId === id);
      if (page === undefined) throw new Error(`no page for #${id}: ${JSON.stringify(r.body)}`);
      return page.id;
    },
    async outage() {
      const ticketId = await desk.file();
      const r = await t.request('POST', '/api/v1/outages', { token: await t.login('anna'), body: { groups: ['autodialer'], summary: 'Dialer down', ticketId } });
      if (r.status !== 201) throw new Error(`outage: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { outage: { id: number } }).outage.id;
    },
    async outageAct(method, path, body) {
      const r = await t.request(method, path, { token: await t.login('anna'), ...(body !== undefined ? { body } : {}) });
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async outageTicket(id) {
      const r = await t.request<{ tickets: { id: number }[] }>('GET', `/api/v1/outages/${id}`, { token: await t.login('anna') });
      return r.body.tickets[0]?.id ?? 0;
    },
    async agent() {
      const r = await t.request('POST', '/api/v1/admin/agents', { token: await t.login('admin'), body: { login: fresh10('fixture.agent'), name: 'Fixture Agent', role: 'agent', tiers: ['l1'] } });
      if (r.status !== 201) throw new Error(`agent: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { agent: { id: number } }).agent.id;
    },
    async client() {
      const r = await t.request('POST', '/api/v1/admin/clients', { token: await t.login('admin'), body: { name: fresh10('Fixture Client'), primaryGroup: 'autodialer', language: 'ru' } });
      if (r.status !== 201) throw new Error(`client: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { client: { id: number } }).client.id;
    },
    async customer() {
      const id = await desk.client();
      const r = await t.request('POST', `/api/v1/admin/clients/${id}/customers`, { token: await t.login('admin'), body: { login: fresh10('fixture.customer'), name: 'Fixture Customer' } });
      if (r.status !== 201) throw new Error(`customer: ${r.status} ${JSON.stringify(r.body)}`);
      return { id, other: (r.body as { customer: { id: number } }).customer.id };
    },
    async cannedReply() {
      const r = await t.request('POST', '/api/v1/canned-replies', { token: await t.login('sofia'), body: { title: fresh10('Fixture reply'), body: 'Dear {customer}', language: 'uk', tier: null } });
      if (r.status !== 201) throw new Error(`canned reply: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { reply: { id: number } }).reply.id;
    },
    async failedTelegram() {
      const row = await t.db.kysely
        .insertInto('telegram_outbox')
        .values({ client_id: t.people.clients.get('Alpha') ?? 0, chat_id: '@alpha_status', ticket_id: null, text: 'x', state: 'failed', next_attempt_at: 0, created_at: 0, queued_at: 0, failed_at: 1, last_error: '403: Forbidden' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };

  const signIn = async (login: string): Promise<string> => {
    const r = await t.request<{ token: string }>('POST', '/api/v1/session', { body: { login, password: 'demo' } });
    if (r.status !== 200) throw new Error(`login ${login}: ${r.status}`);
    return r.body.token;
  };

  beforeAll(async () => {
    t = await startTestService(engine);
    // An expired token: signed in eight days ago (tokens live seven), on the service's own clock.
    t.clock.set(WORKING_HOURS - 8 * DAY);
    tokens.set('expired token', await signIn('boris'));
    t.clock.set(WORKING_HOURS);
    const out = await signIn('boris');
    const bye = await t.request('DELETE', '/api/v1/session', { token: out });
    if (bye.status !== 204) throw new Error(`logout: ${bye.status}`);
    tokens.set('logged-out token', out);
    for (const c of CALLERS) {
      const login = LOGIN[c];
      if (login !== null) tokens.set(c, await t.login(login));
    }
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  it('every route x every caller answers the outcome class the rules give, and a refusal changes nothing', async () => {
    expect(ROWS.every((r) => r.expect.length === CALLERS.length)).toBe(true);
    const mismatches: string[] = [];
    const digest = createDigester(t.db);
    let cells = 0;
    for (const row of ROWS) {
      // A fixture serves the next caller too while refusals leave it as it was (proven below by the
      // digests); whatever succeeds, or was not proven to change nothing, spends it.
      let fixture: Fixture | undefined;
      for (const [i, caller] of CALLERS.entries()) {
        fixture ??= row.setup === undefined ? { id: 0 } : await row.setup(desk);
        const login = LOGIN[caller];
        const token = row.spendsToken === true && login !== null ? await signIn(login) : tokens.get(caller);
        const { method, path, body, csv } = row.request(fixture, desk);
        const want = row.expect[i];
        // The digests prove a refusal changed nothing; a cell that should succeed needs none (if it
        // is refused instead, that is a mismatch already).
        const before = want === ok ? undefined : await digest();
        const payload = csv !== undefined ? { raw: csv, headers: { 'content-type': 'text/csv' } } : body !== undefined ? { body } : {};
        const r = await t.request(method, path, { ...(token !== undefined ? { token } : {}), ...payload });
        cells++;
        const got = classOf(r.status);
        if (got !== want) mismatches.push(`${row.name} as ${caller}: expected ${want}, got ${r.status} ${JSON.stringify(r.body)?.slice(0, 160)}`);
        if (r.status < 400 || before === undefined) fixture = undefined;
        else {
          const changed = changedTables(before, await digest());
          if (changed.length > 0) fixture = undefined;
          if (changed.length > 0) mismatches.push(`${row.name} as ${caller}: refused with ${r.status} but changed ${changed.join(', ')}`);
          if (typeof r.body?.error !== 'string' || typeof r.body?.message !== 'string') mismatches.push(`${row.name} as ${caller}: ${r.status} without {error, message}`);
        }
      }
    }
    console.log(`permissions on ${engine}: ${ROWS.length} routes/situations x ${CALLERS.length} callers = ${cells} cells, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  }, 240_000); // ~1300 cells: slow on a loaded machine

  it('a route the document lists answers 401 to a caller without a valid token, unless it is public', async () => {
    const doc = (await t.request<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>('GET', '/api/v1/openapi.json')).body;
    const wrong: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.security !== undefined && op.security.length === 0) continue;
        for (const caller of ['no token', 'expired token', 'logged-out token'] as const) {
          const token = tokens.get(caller);
          const r = await t.request(method.toUpperCase(), path.replace(/\{[^}]+\}/g, '1'), token !== undefined ? { token } : {});
          checked++;
          if (r.status !== 401 || r.body?.error !== 'unauthorized') wrong.push(`${method.toUpperCase()} ${path} as ${caller}: ${r.status}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });

  it('the event stream admits every signed-in caller and refuses the others with 401 before the upgrade', async () => {
    const outcomes: string[] = [];
    for (const caller of CALLERS) {
      const token = tokens.get(caller);
      try {
        const socket = await openEventSocket(t.url, token ?? '', undefined);
        socket.close();
        outcomes.push(`${caller}: ok`);
      } catch (error) {
        outcomes.push(`${caller}: ${(error as Error).message}`);
      }
    }
    const want = CALLERS.map((c) => `${c}: ${LOGIN[c] === null ? 'events: HTTP 401' : 'ok'}`);
    expect(outcomes).toEqual(want);
  });

  it('internal notes and agents-only events never reach a customer: not by any route, not by any event, live or replayed', async () => {
    const secret = `internal-${engine}-${Date.now().toString(36)}`;
    const contains = (x: unknown): boolean => JSON.stringify(x).includes(secret);
    const agent = await t.events(await t.login('anna'));
    const own = await t.events(await t.login('alpha.user'));
    const other = await t.events(await t.login('beta.user'));
    const seen: { who: string; route: string; body: unknown }[] = [];
    const as = async (login: string, method: string, path: string, body?: unknown) => {
      const r = await t.request(method, path, { token: await t.login(login), ...(body !== undefined ? { body } : {}) });
      seen.push({ who: login, route: `${method} ${path}`, body: r.body });
      return r;
    };

    const dup = await desk.file();
    const original = await desk.file();
    await as('anna', 'POST', `/api/v1/tickets/${dup}/messages`, { type: 'note', body: `${secret} note at l1` });
    await as('alpha.user', 'POST', `/api/v1/tickets/${dup}/messages`, { type: 'reply', body: 'Any news?' });
    await as('anna', 'POST', `/api/v1/tickets/${dup}/route`, { tier: 'l2-analysts', reason: `${secret} routing reason` });
    await as('olga', 'POST', `/api/v1/tickets/${dup}/messages`, { type: 'note', body: `${secret} note at l2` });
    await as('alpha.user', 'POST', `/api/v1/tickets/${dup}/escalate`, { justification: 'Nobody answered us for a whole morning.' });
    await as('sofia', 'POST', `/api/v1/tickets/${dup}/compensation`, { decision: 'A week free of charge.' });
    await as('anna', 'POST', `/api/v1/tickets/${original}/messages`, { type: 'note', body: `${secret} note on the original` });
    // Merge copies the duplicate's conversation, notes included, to the original (R15).
    await as('sofia', 'POST', `/api/v1/tickets/${dup}/merge`, { into: original });
    await as('alpha.user', 'POST', `/api/v1/tickets/${original}/messages`, { type: 'reply', body: 'Thanks, waiting.' });
    await as('anna', 'POST', `/api/v1/tickets/${original}/take`);
    await as('anna', 'POST', `/api/v1/tickets/${original}/resolve`);
    await as('alpha.user', 'POST', `/api/v1/tickets/${original}/reopen`);
    // Issue 9: an outage declared from the original, with an internal summary; customers see its public part only.
    const declared = await as('anna', 'POST', '/api/v1/outages', { groups: ['autodialer', 'inbound'], summary: `${secret} outage summary`, ticketId: original });
    expect(declared.status).toBe(201);
    await as('sofia', 'POST', `/api/v1/outages/${declared.body.outage.id}/compensation`, { decision: `${secret} outage compensation` });
    for (const who of ['alpha.user', 'beta.user', 'anna']) {
      await as(who, 'GET', '/api/v1/outages');
      await as(who, 'GET', `/api/v1/outages/${declared.body.outage.id}`);
    }
    // Let the original's clock warn and breach: SLA events are for agents only.
    t.clock.advance(3 * DAY);
    await t.service.scheduler.runDue();
    t.clock.set(WORKING_HOURS);
    for (const id of [dup, original]) {
      await as('alpha.user', 'GET', `/api/v1/tickets/${id}`);
      await as('beta.user', 'GET', `/api/v1/tickets/${id}`);
      await as('anna', 'GET', `/api/v1/tickets/${id}`);
    }
    for (const view of ['queue', 'mine', 'escalated', 'all']) {
      await as('alpha.user', 'GET', `/api/v1/tickets?view=${view}`);
      await as('beta.user', 'GET', `/api/v1/tickets?view=${view}`);
    }
    await as('alpha.user', 'GET', `/api/v1/tickets?view=all&q=${secret}`);

    // The last event the customers may see, so everything before it has been delivered to them.
    const last = await as('alpha.user', 'POST', `/api/v1/tickets/${original}/messages`, { type: 'reply', body: 'last word' });
    expect(last.status).toBe(201);
    await own.next((e) => e.type === 'message.added' && e.data.message?.body === 'last word', 'the last reply');
    await agent.next((e) => e.type === 'message.added' && e.data.message?.body === 'last word', 'the last reply');
    const betaTicket = await desk.file('problem', 'beta.user');
    await other.next((e) => e.ticketId === betaTicket, "beta's own ticket");
    const ownReplay = await t.events(await t.login('alpha.user'), 0);
    const otherReplay = await t.events(await t.login('beta.user'), 0);
    const agentReplay = await t.events(await t.login('anna'), 0);

    // The test can fail: agents do receive every one of these.
    expect(seen.filter((s) => s.who === 'anna' && s.route.startsWith('GET')).some((s) => contains(s.body))).toBe(true);
    const agentsOnly = (e: ServiceEvent): boolean =>
      e.type === 'ticket.routed' || e.type === 'sla.warning' || e.type === 'sla.breached' || e.type.startsWith('outage.') || (e.type === 'message.added' && e.data.message?.type === 'note');
    for (const socket of [agent, agentReplay]) {
      expect(socket.received.filter((e) => e.type === 'message.added' && e.data.message?.type === 'note' && contains(e)).length).toBeGreaterThanOrEqual(3);
      expect(socket.received.some((e) => e.type === 'ticket.routed' && contains(e))).toBe(true);
      expect(socket.received.some((e) => e.type === 'sla.breached')).toBe(true);
      expect(socket.received.some((e) => e.type === 'outage.declared')).toBe(true);
    }

    const leaks: string[] = [];
    for (const s of seen.filter((x) => x.who !== 'anna' && x.who !== 'olga' && x.who !== 'sofia')) {
      if (contains(s.body)) leaks.push(`${s.who} ${s.route} returned the note text`);
      const detail = s.body as { messages?: { type: string }[]; audit?: unknown[] } | undefined;
      if (detail?.messages?.some((m) => m.type === 'note') === true) leaks.push(`${s.who} ${s.route} returned a note`);
      if (detail?.audit !== undefined && detail.audit.length > 0) leaks.push(`${s.who} ${s.route} returned the audit trail`);
    }
    for (const [name, socket] of [['alpha.user live', own], ['alpha.user replay', ownReplay], ['beta.user live', other], ['beta.user replay', otherReplay]] as const) {
      for (const e of socket.received) {
        if (contains(e)) leaks.push(`${name}: event ${e.seq} ${e.type} carries the note text`);
        if (agentsOnly(e)) leaks.push(`${name}: agents-only event ${e.seq} ${e.type}`);
      }
    }
    for (const socket of [other, otherReplay]) {
      for (const e of socket.received) if (e.ticketId === dup || e.ticketId === original) leaks.push(`beta.user: event ${e.seq} ${e.type} of Alpha's ticket #${e.ticketId}`);
    }
    const beta = seen.filter((s) => s.who === 'beta.user' && /tickets\/\d+$/.test(s.route));
    expect(beta.every((s) => (s.body as { error?: string }).error === 'not_found')).toBe(true);
    expect(leaks).toEqual([]);
    // Replays from 0 carry every event of the table above: seconds on a busy machine.
  }, 60_000);
});
