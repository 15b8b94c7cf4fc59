/**
 * Lists patched from events equal a fresh fetch (issue 13): random command sequences against the
 * real service, on both engines, while consoles of four people hold their views (whole, and a
 * partly loaded one), load some of them again mid-sequence, and place every event's row with the
 * console's own code (shared/tickets/live-list.ts, shared/client/live-queue.ts). At the end each
 * list equals what GET /api/v1/queue answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueuePage } from '../../../shared/api/index.ts';
import type { QueueQuery } from '../../../shared/client/api-client.ts';
import { createRecentRows, loadView, type RecentRows } from '../../../shared/client/live-queue.ts';
import type { ServiceEvent, Tier, User } from '../../../shared/model/index.ts';
import { patchList, rereadsLists, viewerOf, type ListScope, type LiveList } from '../../../shared/tickets/live-list.ts';
import { compareQueueKeys, parseCursor, queueKeyOf } from '../../../shared/tickets/service-order.ts';
import { engines, useTestService, type EventSocket } from '../../support/service.ts';

const MIN = 60_000;
const CUSTOMERS = ['alpha.user', 'beta.user'] as const;
const AGENTS = ['anna', 'olga', 'maria', 'sofia'] as const;
const TIERS_TO: readonly Tier[] = ['l1', 'l2-analysts', 'l2-methodologists', 'l3'];

/** One step of a sequence: a command (most are refused now and then, which must change nothing), time passing, or a list read again. */
type Step =
  | { readonly kind: 'file'; readonly who: number; readonly ticketKind: 'problem' | 'question' }
  | { readonly kind: 'agent'; readonly who: number; readonly pick: number; readonly action: 'take' | 'reply' | 'question' | 'note' | 'resolve' | 'route'; readonly tier: number }
  | { readonly kind: 'customer'; readonly who: number; readonly pick: number; readonly action: 'reply' | 'escalate' }
  | { readonly kind: 'time'; readonly minutes: number }
  | { readonly kind: 'targets'; readonly l1: number | null; readonly l2: number | null }
  | { readonly kind: 'rename'; readonly what: 'agent' | 'client'; readonly who: number; readonly name: number }
  | { readonly kind: 'reload'; readonly list: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('file' as const), who: fc.nat(), ticketKind: fc.constantFrom('problem' as const, 'question' as const) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('agent' as const), who: fc.nat(), pick: fc.nat(), action: fc.constantFrom('take' as const, 'reply' as const, 'question' as const, 'note' as const, 'resolve' as const, 'route' as const), tier: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('customer' as const), who: fc.nat(), pick: fc.nat(), action: fc.constantFrom('reply' as const, 'escalate' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), minutes: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const), list: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('targets' as const), l1: fc.option(fc.integer({ min: 5, max: 60 }), { nil: null }), l2: fc.option(fc.integer({ min: 5, max: 60 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), what: fc.constantFrom('agent' as const, 'client' as const), who: fc.nat(), name: fc.nat({ max: 999 }) }) },
);

/** A console: its person, event socket, recent rows and the lists it holds. */
interface Console {
  readonly login: string;
  readonly user: User;
  readonly token: string;
  readonly socket: EventSocket;
  readonly recent: RecentRows;
  /** How many of the socket's events this console has handled. */
  handled: number;
  readonly lists: { readonly scope: ListScope; readonly max: number; list: LiveList }[];
}

describe.each(engines())('lists patched from events on %s', (engine) => {
  const t = useTestService(engine);

  const page = (token: string) => async (query: QueueQuery): Promise<QueuePage> => {
    const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    const r = await t.request<QueuePage>('GET', `/api/v1/queue?${params.toString()}`, { token });
    if (r.status !== 200) throw new Error(`queue: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const load = (c: Console, scope: ListScope, max: number, recent: RecentRows = c.recent) => loadView(page(c.token), scope, viewerOf(c.user), recent, { pageSize: 2, max });

  /** Handles every event the console's socket has received since it last looked, as the renderer does. */
  const catchUp = async (c: Console): Promise<void> => {
    const events = c.socket.received.slice(c.handled);
    c.handled = c.socket.received.length;
    for (const e of events) c.recent.record(e);
    const rows = events.flatMap((e: ServiceEvent) => (e.ticket === null ? [] : [e.ticket]));
    const reread = events.some(rereadsLists);
    for (const held of c.lists) {
      const patched = patchList(held.list, rows, held.scope, viewerOf(c.user));
      if (patched === 'refetch') throw new Error(`a ${held.scope.view} list of ${c.login} could not place a row`);
      held.list = reread ? await load(c, held.scope, held.max) : patched;
    }
  };

  const openConsole = async (login: string, scopes: readonly { scope: ListScope; max: number }[]): Promise<Console> => {
    const token = await t.login(login);
    const me = await t.request<{ user: User }>('GET', '/api/v1/session', { token });
    const socket = await t.events(token);
    const c: Console = { login, user: me.body.user, token, socket, recent: createRecentRows(), handled: 0, lists: [] };
    for (const { scope, max } of scopes) {
      await catchUp(c);
      c.lists.push({ scope, max, list: await load(c, scope, max) });
    }
    return c;
  };

  it('after any sequence of commands each console list equals a fresh read of its view', { timeout: 240_000 }, async () => {
    const ids: number[] = [];
    const consoles = [
      await openConsole('anna', [{ scope: { view: 'tier' }, max: 10_000 }, { scope: { view: 'mine' }, max: 10_000 }, { scope: { view: 'queue' }, max: 3 }]),
      await openConsole('olga', [{ scope: { view: 'tier' }, max: 10_000 }, { scope: { view: 'escalated' }, max: 10_000 }]),
      await openConsole('sofia', [{ scope: { view: 'queue' }, max: 10_000 }, { scope: { view: 'all' }, max: 10_000 }, { scope: { view: 'tier', tier: 'l2-analysts' }, max: 10_000 }]),
      await openConsole('alpha.user', [{ scope: { view: 'all' }, max: 10_000 }, { scope: { view: 'queue' }, max: 4 }]),
    ];
    const all = consoles.flatMap((c) => c.lists.map((held) => ({ c, held })));

    const run = async (s: Step): Promise<void> => {
      const ticket = (pick: number) => ids[pick % Math.max(1, ids.length)];
      switch (s.kind) {
        case 'file': {
          const r = await t.request('POST', '/api/v1/tickets', { token: await t.login(CUSTOMERS[s.who % CUSTOMERS.length] as string), body: { kind: s.ticketKind, subject: `Case ${ids.length}`, body: 'It does not work.' } });
          expect(r.status).toBe(201);
          ids.push(r.body.ticket.id);
          return;
        }
        case 'agent': {
          const id = ticket(s.pick);
          if (id === undefined) return;
          const token = await t.login(AGENTS[s.who % AGENTS.length] as string);
          const path = s.action === 'reply' || s.action === 'question' || s.action === 'note' ? 'messages' : s.action;
          const body =
            path === 'messages' ? { type: s.action, body: 'Looking into it.' }
            : s.action === 'route' ? { tier: TIERS_TO[s.tier % TIERS_TO.length], reason: 'over to you' }
            : s.action === 'resolve' ? { withoutReply: true }
            : {};
          await t.request('POST', `/api/v1/tickets/${id}/${path}`, { token, body });
          return;
        }
        case 'customer': {
          const id = ticket(s.pick);
          if (id === undefined) return;
          const token = await t.login(CUSTOMERS[s.who % CUSTOMERS.length] as string);
          if (s.action === 'reply') await t.request('POST', `/api/v1/tickets/${id}/messages`, { token, body: { type: 'reply', body: 'Any news?' } });
          else await t.request('POST', `/api/v1/tickets/${id}/escalate`, { token, body: { justification: 'We are losing orders every minute now.' } });
          return;
        }
        case 'time':
          t.clock.advance(s.minutes * MIN);
          await t.service.scheduler.runDue();
          return;
        case 'targets': {
          const r = await t.request('PUT', '/api/v1/ola/targets', { token: await t.login('admin'), body: { targets: { l1: s.l1, 'l2-analysts': s.l2, 'l2-methodologists': null, l3: null, l4: null } } });
          expect(r.status).toBe(200);
          return;
        }
        case 'rename': {
          // Names that rows carry: an assignee's (and a routing's "by"), a client's.
          const admin = await t.login('admin');
          const r =
            s.what === 'agent'
              ? await t.request('PATCH', `/api/v1/admin/agents/${t.people.users.get(AGENTS[s.who % AGENTS.length] ?? 'anna') ?? 0}`, { token: admin, body: { name: `Agent ${s.name}` } })
              : await t.request('PATCH', `/api/v1/admin/clients/${t.people.clients.get(s.who % 2 === 0 ? 'Alpha' : 'Beta') ?? 0}`, { token: admin, body: { name: `Client ${s.who % 2} ${s.name}` } });
          expect(r.status).toBe(200);
          return;
        }
        case 'reload': {
          const target = all[s.list % all.length];
          if (target === undefined) return;
          await catchUp(target.c);
          target.held.list = await load(target.c, target.held.scope, target.held.max);
          return;
        }
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          await run(s);
          // Consoles handle events whenever they come: between commands, or several at once.
          if (s.kind !== 'reload') for (const c of consoles) if (c.handled % 3 === 0) await catchUp(c);
        }
        // Every console has every event it will get: a customer-visible marker ticket from each client arrives last.
        const marker = await t.request('POST', '/api/v1/tickets', { token: await t.login('alpha.user'), body: { kind: 'problem', subject: 'Marker', body: 'End of a run.' } });
        ids.push(marker.body.ticket.id);
        for (const c of consoles) await c.socket.next((e) => e.ticketId === marker.body.ticket.id && e.type === 'ticket.created', 'the marker');
        for (const { c, held } of all) {
          await catchUp(c);
          const fresh = await load(c, held.scope, 10_000, createRecentRows());
          const boundary = held.list.next === null ? null : parseCursor(held.list.next);
          // A partly loaded list holds the view's rows up to its last row at load time.
          const expected = boundary === null ? fresh.tickets : fresh.tickets.filter((x) => compareQueueKeys(queueKeyOf(x), boundary) <= 0);
          expect(held.list.tickets, `${c.login}'s ${JSON.stringify(held.scope)}`).toEqual(expected);
        }
      }),
      { numRuns: 12 },
    );
  });
});
