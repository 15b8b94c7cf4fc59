import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../shared/model/index.ts';
import { DEFAULT_SETTINGS, settingsSchema, withDefaults } from '../../../../shared/settings.ts';
import { applyLens, dueAtOf, lensFrom, nextSort, queueLensSchema, SLA_ORDER, withFilter, type QueueLens } from '../../../../shared/tickets/queue-order.ts';

// Only the fields the lens reads.
const ticket = (id: number, o: Partial<{ subject: string; client: string; assignee: string | null; dueAt: number | null; ola: { dueAt: number; stoppedAt: number | null } | null }> = {}): Ticket =>
  ({
    id,
    number: id,
    subject: o.subject ?? `Ticket ${id}`,
    client: { id: 1, name: o.client ?? 'Client' },
    assignee: o.assignee === undefined || o.assignee === null ? null : { id: id * 10, name: o.assignee },
    sla: { dueAt: o.dueAt ?? null },
    ola: o.ola ?? null,
  }) as unknown as Ticket;
const sorted = (list: readonly Ticket[], lens: QueueLens, locale: 'en' | 'ru' | 'uk' = 'en') => applyLens(list, lens, locale).map((t) => t.id);
const by = (column: NonNullable<QueueLens['sort']>['column'], direction: 'asc' | 'desc' = 'asc'): QueueLens => ({ sort: { column, direction }, filters: {} });

describe('queue lens', () => {
  it('sorts Cyrillic subjects as a Ukrainian reader expects (Є after Е, Ґ after Г, І after И), not by code point', () => {
    const list = ['Ґанок', 'Єдність', 'Гаряча лінія', 'Іспит', 'Етикетка', 'Ящик', 'Игра'].map((subject, i) => ticket(i + 1, { subject }));
    expect(applyLens(list, by('subject'), 'uk').map((t) => t.subject)).toEqual(['Гаряча лінія', 'Ґанок', 'Етикетка', 'Єдність', 'Игра', 'Іспит', 'Ящик']);
  });

  it('sorts numbers inside texts by value ("Report 9" before "Report 10") and ignores case differences before ties', () => {
    const list = [ticket(1, { subject: 'Report 10' }), ticket(2, { subject: 'report 9' }), ticket(3, { subject: 'Alpha' })];
    expect(sorted(list, by('subject'))).toEqual([3, 2, 1]);
  });

  it('puts unassigned tickets and tickets with nothing due last, ascending and descending', () => {
    const list = [ticket(1), ticket(2, { assignee: 'Boris' }), ticket(3), ticket(4, { assignee: 'Anna' })];
    expect(sorted(list, by('assignee'))).toEqual([4, 2, 1, 3]);
    expect(sorted(list, by('assignee', 'desc'))).toEqual([2, 4, 1, 3]);
    const due = [ticket(1), ticket(2, { dueAt: 20 }), ticket(3, { dueAt: 10 })];
    expect(sorted(due, by('due'))).toEqual([3, 2, 1]);
    expect(sorted(due, by('due', 'desc'))).toEqual([2, 3, 1]);
  });

  it('takes a running internal target\'s due time when no SLA clock runs; a stopped one is due no more', () => {
    expect(dueAtOf(ticket(1, { dueAt: 5, ola: { dueAt: 3, stoppedAt: null } }))).toBe(5);
    expect(dueAtOf(ticket(1, { ola: { dueAt: 3, stoppedAt: null } }))).toBe(3);
    expect(dueAtOf(ticket(1, { ola: { dueAt: 3, stoppedAt: 2 } }))).toBeNull();
    const list = [ticket(1), ticket(2, { dueAt: 20 }), ticket(3, { ola: { dueAt: 10, stoppedAt: null } })];
    expect(sorted(list, by('due'))).toEqual([3, 2, 1]);
  });

  it('cycles a header: ascending, descending, back to the SLA order; another column starts ascending', () => {
    const asc = nextSort(SLA_ORDER, 'subject');
    expect(asc.sort).toEqual({ column: 'subject', direction: 'asc' });
    const desc = nextSort(asc, 'subject');
    expect(desc.sort).toEqual({ column: 'subject', direction: 'desc' });
    expect(nextSort(desc, 'subject').sort).toBeNull();
    expect(nextSort(desc, 'client').sort).toEqual({ column: 'client', direction: 'asc' });
    const filtered = withFilter(asc, 'assigneeId', 'none');
    expect(nextSort(filtered, 'subject').filters).toEqual({ assigneeId: 'none' });
    expect(withFilter(filtered, 'assigneeId', undefined).filters).toEqual({});
  });

  it('keeps what is valid of a stored lens and drops the rest', () => {
    expect(lensFrom(undefined)).toEqual(SLA_ORDER);
    expect(lensFrom('subject')).toEqual(SLA_ORDER);
    expect(lensFrom({ sort: { column: 'priority', direction: 'asc' }, filters: { kind: 'bug', status: 'lost', clientId: -1, assigneeId: 'none', colour: 'red' } }))
      .toEqual({ sort: null, filters: { kind: 'bug', assigneeId: 'none' } });
    expect(lensFrom({ sort: { column: 'client', direction: 'desc' }, filters: null })).toEqual({ sort: { column: 'client', direction: 'desc' }, filters: {} });
  });

  it('reads old settings without lenses, and settings with broken lenses, without losing the rest', () => {
    const old = { ...DEFAULT_SETTINGS, language: 'uk' } as Record<string, unknown>;
    delete old.queueLens;
    expect(settingsSchema.parse(withDefaults(old))).toEqual({ ...DEFAULT_SETTINGS, language: 'uk', queueLens: {} });
    const broken = { ...DEFAULT_SETTINGS, language: 'ru', queueLens: { 7: { sort: { column: 'subject', direction: 'sideways' }, filters: { language: 'uk', x: 1 } }, anna: { sort: null, filters: {} }, 8: 'x' } };
    expect(settingsSchema.parse(withDefaults(broken))).toEqual({ ...DEFAULT_SETTINGS, language: 'ru', queueLens: { 7: { sort: null, filters: { language: 'uk' } }, 8: SLA_ORDER } });
    expect(settingsSchema.parse(withDefaults({ ...DEFAULT_SETTINGS, queueLens: [1, 2] })).queueLens).toEqual({});
  });

  it('the schema accepts a whole lens and refuses an unknown column or filter (a bad change is refused, not stored)', () => {
    expect(queueLensSchema.safeParse({ sort: { column: 'due', direction: 'desc' }, filters: { clientId: 3, assigneeId: 5 } }).success).toBe(true);
    expect(queueLensSchema.safeParse({ sort: { column: 'priority', direction: 'asc' }, filters: {} }).success).toBe(false);
    expect(queueLensSchema.safeParse({ sort: null, filters: { colour: 'red' } }).success).toBe(false);
  });
});
