import type { z } from 'zod';
import type { demoLoginSchema } from '../../shared/api/index.ts';
import type { Client, Language, Role, Tier } from '../../shared/model/index.ts';
import type { Executor } from '../store/executor.ts';
import { insertClient, insertUser } from '../store/users.ts';

/** The demo clients (issue 3): Alpha (autodialer, ru), Beta (inbound, uk), Gamma (inbound, en). */
export const DEMO_CLIENTS: readonly Omit<Client, 'id'>[] = [
  { name: 'Alpha', primaryGroup: 'autodialer', language: 'ru' },
  { name: 'Beta', primaryGroup: 'inbound', language: 'uk' },
  { name: 'Gamma', primaryGroup: 'inbound', language: 'en' },
];

/** The demo agents: login, name, role, tiers. */
export const DEMO_AGENTS: readonly { login: string; name: string; role: Role; tiers: readonly Tier[]; language: Language }[] = [
  { login: 'anna', name: 'Anna Kovalenko', role: 'agent', tiers: ['l1'], language: 'uk' },
  { login: 'boris', name: 'Boris Ivanov', role: 'agent', tiers: ['l1'], language: 'ru' },
  { login: 'olga', name: 'Olga Shevchenko', role: 'agent', tiers: ['l2-analysts'], language: 'uk' },
  { login: 'maria', name: 'Maria Petrenko', role: 'agent', tiers: ['l2-methodologists'], language: 'uk' },
  { login: 'dmytro', name: 'Dmytro Bondarenko', role: 'agent', tiers: ['l3'], language: 'uk' },
  { login: 'ivan', name: 'Ivan Melnyk', role: 'agent', tiers: ['l4'], language: 'en' },
  { login: 'sofia', name: 'Sofia Tkachenko', role: 'manager', tiers: ['escalation'], language: 'en' },
  { login: 'admin', name: 'Administrator', role: 'admin', tiers: [], language: 'en' },
];

/** The demo customers, one per client (by client name). */
export const DEMO_CUSTOMERS: readonly { login: string; name: string; client: string; language: Language }[] = [
  { login: 'alpha.user', name: 'Алексей Смирнов', client: 'Alpha', language: 'ru' },
  { login: 'beta.user', name: 'Оксана Мельник', client: 'Beta', language: 'uk' },
  { login: 'gamma.user', name: 'John Carter', client: 'Gamma', language: 'en' },
];

/** The demo accounts as the login screen lists them (GET /api/v1/info). */
export function demoLogins(): DemoLogin[] {
  return [
    ...DEMO_AGENTS.map((a) => ({ login: a.login, name: a.name, role: a.role, tiers: a.tiers })),
    ...DEMO_CUSTOMERS.map((c) => ({ login: c.login, name: c.name, role: 'customer' as const, tiers: [] })),
  ];
}

type DemoLogin = z.infer<typeof demoLoginSchema>;

/** Every demo password. */
export const DEMO_PASSWORD = 'demo';

/** Ids of the seeded people, by login and client name. */
export interface People {
  readonly users: ReadonlyMap<string, number>;
  readonly clients: ReadonlyMap<string, number>;
}

/** Inserts the demo clients, agents and customers, all with `passwordHash`. */
export async function seedPeople(db: Executor, passwordHash: string, now: number): Promise<People> {
  const clients = new Map<string, number>();
  for (const c of DEMO_CLIENTS) clients.set(c.name, await insertClient(db, c));
  const users = new Map<string, number>();
  for (const a of DEMO_AGENTS) users.set(a.login, await insertUser(db, { ...a, kind: 'agent', passwordHash }, now));
  for (const c of DEMO_CUSTOMERS) {
    users.set(c.login, await insertUser(db, { login: c.login, name: c.name, kind: 'customer', clientId: clients.get(c.client) ?? 0, language: c.language, passwordHash }, now));
  }
  return { users, clients };
}
