import { describe, expect, it } from 'vitest';
import { mayAdminister, mayReadAdministration } from '../../../../shared/auth/roles.ts';
import type { Agent, Customer, Role } from '../../../../shared/model/index.ts';

const agent = (role: Role): Agent => ({ kind: 'agent', id: 1, login: 'x', name: 'X', role, tiers: [], language: 'en' });
const customer: Customer = { kind: 'customer', id: 2, login: 'c', name: 'C', language: 'en', client: { id: 1, name: 'Alpha', primaryGroup: 'autodialer', language: 'en' } };

describe('who administers', () => {
  it('admins change and read; managers only read; agents and customers neither', () => {
    expect([mayAdminister(agent('admin')), mayReadAdministration(agent('admin'))]).toEqual([true, true]);
    expect([mayAdminister(agent('manager')), mayReadAdministration(agent('manager'))]).toEqual([false, true]);
    expect([mayAdminister(agent('agent')), mayReadAdministration(agent('agent'))]).toEqual([false, false]);
    expect([mayAdminister(customer), mayReadAdministration(customer)]).toEqual([false, false]);
  });
});
