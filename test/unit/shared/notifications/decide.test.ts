import { describe, expect, it } from 'vitest';
import { TICKET_EVENT_TYPES, type Agent, type Page, type ServiceEvent, type ServiceEventData, type TicketEventType, type Tier } from '../../../../shared/model/index.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../../../shared/sla/index.ts';
import { decideNotification, decidePagesAtSignIn } from '../../../../shared/notifications/decide.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings.ts';
import { notificationText } from '../../../../shared/i18n/index.ts';
import { aRow } from '../../../support/rows.ts';

const anna: Agent = { kind: 'agent', id: 1, login: 'anna', name: 'Anna', role: 'agent', tiers: ['l1'], language: 'en' };
const olga: Agent = { kind: 'agent', id: 3, login: 'olga', name: 'Olga', role: 'agent', tiers: ['l2-analysts'], language: 'en' };
const sofia: Agent = { kind: 'agent', id: 7, login: 'sofia', name: 'Sofia', role: 'manager', tiers: ['escalation'], language: 'en' };
const dmytro: Agent = { kind: 'agent', id: 5, login: 'dmytro', name: 'Dmytro', role: 'agent', tiers: ['l3'], language: 'en' };

let seq = 0;
const clock = { index: 0, target: 'reaction', startedAt: 0, dueAt: 1, warnAt: 1 } as const;
const outage = { id: 1, groups: ['autodialer'], state: 'open', startedAt: 0, restoredAt: null, restoreBy: 1_800_000, excluded: false, ticketCount: 2 } as const;
const DATA: { [T in TicketEventType]: ServiceEventData<T> } = {
  'ticket.created': { action: 'created', toTier: 'l1' },
  'ticket.changed': { action: 'taken' },
  'ticket.routed': { action: 'routed', fromTier: 'l1', toTier: 'l2-analysts', reason: 'needs logs', outOfTurn: false },
  'ticket.escalated': { action: 'escalated', fromTier: 'l1', toTier: 'escalation' },
  'message.added': { message: { id: 1, ticketId: 42, type: 'customer', author: null, body: 'hi', createdAt: 0, mergedFrom: null } },
  'sla.warning': { clock },
  'sla.breached': { clock },
  'page.triggered': { page: { id: 1, level: 'primary', attempt: 1, paged: [1], reason: 'escalated' }, reminder: false },
  'page.acknowledged': { page: { id: 1, level: 'primary', attempt: 1, paged: [1], reason: 'escalated' }, by: { id: 1, name: 'Anna' } },
  'page.escalated': { page: { id: 1, level: 'secondary', attempt: 1, paged: [3], reason: 'escalated' } },
  'page.closed': { page: { id: 1, level: 'primary', attempt: 1, paged: [1], reason: 'escalated' } },
  'outage.declared': { outage },
  'outage.changed': { outage, action: 'linked' },
  'outage.warning': { outage },
  'outage.overlong': { outage },
  'outage.restored': { outage: { ...outage, state: 'restored', restoredAt: 1_800_000 } },
  'ticket.updated': {},
};
const event = <T extends TicketEventType>(type: T, ticket: { tier?: Tier; assigneeId?: number | null; slaState?: 'running' | 'closed' } = {}, data: Partial<ServiceEventData<T>> = {}): ServiceEvent =>
  // One cast: TypeScript cannot tie a generic T to the matching member of the union.
  ({
    seq: ++seq,
    type,
    at: 0,
    ticketId: 42,
    ticket: aRow({
      id: 42,
      subject: 'Calls drop after 30 s',
      tier: ticket.tier ?? 'l1',
      assignee: ticket.assigneeId === undefined || ticket.assigneeId === null ? null : { id: ticket.assigneeId, name: 'Someone' },
      sla: { state: ticket.slaState ?? 'running', dueAt: 1, warnAt: null, calendar: 'business' },
    }),
    data: { ...DATA[type], ...data },
  }) as ServiceEvent;
const customerMessage = { message: { id: 1, ticketId: 42, type: 'customer' as const, author: { id: 9, name: 'Alpha' }, body: 'Still broken', createdAt: 0, mergedFrom: null } };

describe('decideNotification', () => {
  it('tells an agent of a new ticket in their tier, with the message keys and parameters', () => {
    expect(decideNotification(event('ticket.created'), anna, DEFAULT_SETTINGS)).toEqual({
      kind: 'ticketCreated',
      ticketId: 42,
      titleKey: 'notify.ticketCreated.title',
      bodyKey: 'notify.ticketCreated.body',
      params: { number: 42, subject: 'Calls drop after 30 s', tier: 'l1' },
      urgent: false,
    });
    expect(decideNotification(event('ticket.created'), olga, DEFAULT_SETTINGS)).toBeNull();
  });

  it('tells the receiving tier, or the assignee, of a routed ticket', () => {
    const routed = event('ticket.routed', { tier: 'l2-analysts' }, { fromTier: 'l1', toTier: 'l2-analysts', reason: 'needs logs' });
    expect(decideNotification(routed, olga, DEFAULT_SETTINGS)?.kind).toBe('ticketRouted');
    expect(decideNotification(routed, anna, DEFAULT_SETTINGS)).toBeNull();
    const toAnna = event('ticket.routed', { tier: 'l3', assigneeId: anna.id }, { toTier: 'l3' });
    expect(decideNotification(toAnna, anna, DEFAULT_SETTINGS)?.kind).toBe('ticketRouted');
  });

  it('tells the assignee when the customer replies, and nobody of agent messages', () => {
    expect(decideNotification(event('message.added', { assigneeId: anna.id }, customerMessage), anna, DEFAULT_SETTINGS)?.kind).toBe('customerReplied');
    expect(decideNotification(event('message.added', { assigneeId: olga.id }, customerMessage), anna, DEFAULT_SETTINGS)).toBeNull();
    const note = { message: { ...customerMessage.message, type: 'note' as const } };
    expect(decideNotification(event('message.added', { assigneeId: anna.id }, note), anna, DEFAULT_SETTINGS)).toBeNull();
  });

  it("a merge tells the original's assignee \"Ticket #N was merged into your #M\" once, in every language, not \"Customer replied\" for the copied messages", () => {
    const merged = decideNotification(event('ticket.changed', { assigneeId: anna.id }, { action: 'merged_into_this', mergedFrom: 17 }), anna, DEFAULT_SETTINGS);
    expect(merged).toMatchObject({ kind: 'customerReplied', titleKey: 'notify.ticketMerged.title', bodyKey: 'notify.ticketMerged.body', params: { number: 42, merged: 17 } });
    if (merged === null) throw new Error('no notification');
    expect(notificationText('en', merged)).toEqual({ title: 'Ticket #17 was merged into your #42', body: 'Calls drop after 30 s' });
    expect(notificationText('ru', merged).title).toBe('Тикет №17 объединён с вашим №42');
    expect(notificationText('uk', merged).title).toBe('Тікет №17 об’єднано з вашим №42');
    // The duplicate's messages copied into the original are old news, not a customer replying.
    const copied = { message: { ...customerMessage.message, mergedFrom: 17 } };
    expect(decideNotification(event('message.added', { assigneeId: anna.id }, copied), anna, DEFAULT_SETTINGS)).toBeNull();
    // Nobody else hears of it; the customer-replied switch silences it too.
    expect(decideNotification(event('ticket.changed', { assigneeId: olga.id }, { action: 'merged_into_this', mergedFrom: 17 }), anna, DEFAULT_SETTINGS)).toBeNull();
    const quiet: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, customerReplied: false } };
    expect(decideNotification(event('ticket.changed', { assigneeId: anna.id }, { action: 'merged_into_this', mergedFrom: 17 }), anna, quiet)).toBeNull();
  });

  it('warns of SLA risk and breach the assignee, or the tier while nobody has the ticket', () => {
    expect(decideNotification(event('sla.warning'), anna, DEFAULT_SETTINGS)?.kind).toBe('slaWarning');
    expect(decideNotification(event('sla.breached', { assigneeId: anna.id }), anna, DEFAULT_SETTINGS)?.kind).toBe('slaBreached');
    // Taken by a colleague: the colleague hears of it, the rest of the tier does not.
    expect(decideNotification(event('sla.breached', { assigneeId: 99 }), anna, DEFAULT_SETTINGS)).toBeNull();
    expect(decideNotification(event('sla.breached', { slaState: 'closed' }), anna, DEFAULT_SETTINGS)).toBeNull();
  });

  it('tells managers of every escalation (R6, R12), and not line agents', () => {
    const escalated = event('ticket.escalated', { tier: 'escalation' }, { fromTier: 'l1', toTier: 'escalation' });
    expect(decideNotification(escalated, sofia, DEFAULT_SETTINGS)?.kind).toBe('escalation');
    expect(decideNotification(escalated, anna, DEFAULT_SETTINGS)).toBeNull();
  });

  it('stays silent when the agent switched that kind off', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, ticketCreated: false } };
    expect(decideNotification(event('ticket.created'), anna, settings)).toBeNull();
    expect(decideNotification(event('sla.warning'), anna, settings)?.kind).toBe('slaWarning');
  });

  const page = (paged: readonly number[], reminder = false) =>
    event('page.triggered', { tier: 'escalation' }, { page: { id: 5, level: 'primary', attempt: 1, paged, reason: 'escalated' }, reminder });

  it('pages urgently the agents a page pages, and nobody else (not even a manager)', () => {
    expect(decideNotification(page([anna.id]), anna, DEFAULT_SETTINGS)).toEqual({
      kind: 'page',
      ticketId: 42,
      titleKey: 'notify.page.title',
      bodyKey: 'notify.page.body',
      params: { number: 42, subject: 'Calls drop after 30 s', tier: 'escalation' },
      urgent: true,
    });
    expect(decideNotification(page([olga.id]), anna, DEFAULT_SETTINGS)).toBeNull();
    expect(decideNotification(page([olga.id]), sofia, DEFAULT_SETTINGS)).toBeNull();
  });

  it('pages the acknowledger again on a reminder, and the next rung when a page climbs', () => {
    expect(decideNotification(page([anna.id], true), anna, DEFAULT_SETTINGS)?.urgent).toBe(true);
    const climbed = event('page.escalated', {}, { page: { id: 5, level: 'secondary', attempt: 1, paged: [olga.id], reason: 'escalated' } });
    expect(decideNotification(climbed, olga, DEFAULT_SETTINGS)?.kind).toBe('page');
    expect(decideNotification(climbed, anna, DEFAULT_SETTINGS)).toBeNull();
  });

  it('stays silent when a page is acknowledged or closed, even for whom it paged', () => {
    for (const type of ['page.acknowledged', 'page.closed'] as const) {
      expect(decideNotification(event(type), anna, DEFAULT_SETTINGS), type).toBeNull();
      expect(decideNotification(event(type), sofia, DEFAULT_SETTINGS), type).toBeNull();
    }
  });

  it('does not page an agent who switched pages off', () => {
    const off: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, page: false } };
    expect(decideNotification(page([anna.id]), anna, off)).toBeNull();
  });

  describe('outages', () => {
    const declared = event('outage.declared');
    const everyone = [anna, olga, sofia, dmytro];

    it('tells every agent of a declared outage, with its number, groups and the ticket it came from', () => {
      for (const me of everyone) expect(decideNotification(declared, me, DEFAULT_SETTINGS)?.kind, me.login).toBe('outage');
      expect(decideNotification(declared, anna, DEFAULT_SETTINGS)).toEqual({
        kind: 'outage',
        ticketId: 42,
        titleKey: 'notify.outage.declared.title',
        bodyKey: 'notify.outage.declared.body',
        params: { number: 42, subject: 'Calls drop after 30 s', tier: 'l1', outage: 1, groups: 'autodialer', minutes: 30 },
        urgent: false,
      });
    });

    it('warns of 10 minutes left the managers and whoever works the declaring ticket, not the whole desk again', () => {
      const unassigned = event('outage.warning');
      expect(decideNotification(unassigned, anna, DEFAULT_SETTINGS)).toMatchObject({ titleKey: 'notify.outage.warning.title', params: { outage: 1, minutes: 10 } });
      expect(decideNotification(unassigned, sofia, DEFAULT_SETTINGS)?.titleKey).toBe('notify.outage.warning.title');
      expect(decideNotification(unassigned, olga, DEFAULT_SETTINGS)).toBeNull();
      const taken = event('outage.warning', { assigneeId: dmytro.id });
      expect(decideNotification(taken, dmytro, DEFAULT_SETTINGS)?.kind).toBe('outage');
      expect(decideNotification(taken, anna, DEFAULT_SETTINGS)).toBeNull();
    });

    it('tells every agent once an outage is over the 30-minute limit (R18)', () => {
      for (const me of everyone) {
        expect(decideNotification(event('outage.overlong'), me, DEFAULT_SETTINGS), me.login).toMatchObject({ titleKey: 'notify.outage.overlong.title', params: { minutes: 30 } });
      }
    });

    it('does not count down an excluded outage (R27): no warning, no overlong', () => {
      const excluded = { outage: { ...outage, excluded: true } };
      expect(decideNotification(event('outage.warning', {}, excluded), sofia, DEFAULT_SETTINGS)).toBeNull();
      expect(decideNotification(event('outage.overlong', {}, excluded), anna, DEFAULT_SETTINGS)).toBeNull();
    });

    it('stays silent on links, exclusions and restoration (the bar shows them), and when outages are switched off', () => {
      expect(decideNotification(event('outage.changed'), sofia, DEFAULT_SETTINGS)).toBeNull();
      expect(decideNotification(event('outage.restored'), sofia, DEFAULT_SETTINGS)).toBeNull();
      const off: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, outage: false } };
      for (const type of ['outage.declared', 'outage.warning', 'outage.overlong'] as const) expect(decideNotification(event(type), sofia, off), type).toBeNull();
      expect(decideNotification(event('ticket.created'), anna, off)?.kind).toBe('ticketCreated');
    });
  });

  it('never notifies of plain changes', () => {
    expect(decideNotification(event('ticket.changed', { assigneeId: anna.id }, { action: 'taken' }), anna, DEFAULT_SETTINGS)).toBeNull();
  });

  it('never notifies of a new support calendar, an event about no ticket: the console shows it live', () => {
    const changed: ServiceEvent = { seq: ++seq, type: 'calendar.changed', at: 0, ticketId: null, ticket: null, data: { calendar: DEFAULT_CALENDAR_CONFIG, effectiveAt: 0 } };
    for (const me of [anna, olga, sofia, dmytro]) expect(decideNotification(changed, me, DEFAULT_SETTINGS)).toBeNull();
    // Every type about a ticket has a case of its own above.
    expect(Object.keys(DATA).sort()).toEqual([...TICKET_EVENT_TYPES].sort());
  });
});

describe('decidePagesAtSignIn', () => {
  const base: Page = {
    id: 1, ticketId: 42, state: 'open', level: 'primary', attempt: 1, paged: [anna.id], notified: [anna.id], reason: 'escalated',
    nextAt: 1, acknowledgedBy: null, acknowledgedAt: null, createdAt: 0, closedAt: null,
  };
  const tickets = new Map([[42, { number: 42, subject: 'Calls drop', tier: 'escalation' as const }], [43, { number: 43, subject: 'No audio', tier: 'escalation' as const }]]);

  it('shows each open page that pages me, urgently, and no other page', () => {
    const pages: Page[] = [
      base,
      { ...base, id: 2, ticketId: 43, paged: [olga.id], notified: [anna.id, olga.id] },
      { ...base, id: 3, ticketId: 43, state: 'acknowledged', acknowledgedBy: { id: anna.id, name: 'Anna' }, acknowledgedAt: 1 },
      { ...base, id: 4, ticketId: 43, state: 'closed', closedAt: 1 },
    ];
    const shown = decidePagesAtSignIn(pages, tickets, anna, DEFAULT_SETTINGS);
    expect(shown).toEqual([{ kind: 'page', ticketId: 42, titleKey: 'notify.page.title', bodyKey: 'notify.page.body', params: { number: 42, subject: 'Calls drop', tier: 'escalation' }, urgent: true }]);
    expect(decidePagesAtSignIn(pages, tickets, olga, DEFAULT_SETTINGS).map((d) => d.ticketId)).toEqual([43]);
    expect(decidePagesAtSignIn(pages, tickets, sofia, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('shows nothing when pages are switched off', () => {
    const off: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, page: false } };
    expect(decidePagesAtSignIn([base], tickets, anna, off)).toEqual([]);
  });
});
