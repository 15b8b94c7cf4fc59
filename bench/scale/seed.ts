/**
 * Writes a large SQLite database for the scale bench directly, in batched SQL: the schema by the
 * service's own migrations, the demo people plus more agents, clients and customers, then every
 * ticket's rows as history.ts plays them. Seeded files are cached under the temp dir, keyed by a
 * hash of what shapes them (the migrations, the SLA engine, the rules, this seeder, the shape), so
 * a rerun reuses a valid one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { hashPassword } from '../../server/auth/passwords.ts';
import { TIER_ARRIVALS_SQL } from '../../server/db/migrations.ts';
import { openDatabase } from '../../server/db/index.ts';
import { DEMO_OLA_TARGETS } from '../../server/demo/ola.ts';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_PASSWORD, seedPeople } from '../../server/demo/people.ts';
import { storeOlaTargets } from '../../server/store/ola.ts';
import { clientsById, insertClient, insertUser } from '../../server/store/users.ts';
import type { Language, Tier } from '../../shared/model/index.ts';
import { createCalendar, DEFAULT_POLICY, type EvaluateOptions } from '../../shared/sla/index.ts';
import { customerFor, planTicket, playTicket, rng, timeline, type AgentActor, type Cast, type CustomerActor, type ScaleShape } from './history.ts';

/** Bump when the seeder writes something different. */
const SEEDER_VERSION = 1;
const ROOT = join(import.meta.dirname, '../..');
/** The sources whose change makes a cached database stale. */
const SHAPING_SOURCES = ['server/db/migrations.ts', 'server/db/checks.ts', 'shared/workflow/index.ts', 'bench/scale/history.ts', 'bench/scale/seed.ts', 'shared/model/routing.ts'];

/** What to seed. */
export interface SeedOptions extends ScaleShape {
  /** Extra clients beyond the demo's three, one customer each. */
  readonly clients: number;
  /** Agents per tier beyond the demo's. */
  readonly agentsPerTier: number;
  /** Write the event stream of the open tickets' histories (closed tickets' events are not written). */
  readonly openEvents: boolean;
  readonly seed: number;
}

/** A seeded database and how it was made. */
export interface Seeded {
  readonly file: string;
  /** The instant the histories were played up to: the service's clock should start here. */
  readonly now: number;
  readonly reused: boolean;
  readonly seedSeconds: number;
  readonly bytes: number;
  readonly rows: Readonly<Record<string, number>>;
  /** Every index of the file as seeded (a run checks nobody left one of its own). */
  readonly indexes: readonly string[];
}

/** The cache key of a shape: what the seeder is and what it is asked for. */
export function cacheKey(options: SeedOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ SEEDER_VERSION, options, node: process.versions.sqlite }));
  for (const file of SHAPING_SOURCES) hash.update(readFileSync(join(ROOT, file)));
  for (const file of readdirSync(join(ROOT, 'shared/sla')).sort()) hash.update(readFileSync(join(ROOT, 'shared/sla', file)));
  return hash.digest('hex').slice(0, 16);
}

const indexesOf = (db: DatabaseSync): string[] =>
  (db.prepare("select name from sqlite_master where type = 'index' and sql is not null order by name").all() as { name: string }[]).map((r) => r.name);

/** Batched INSERTs: many rows per statement, so a million rows cost few calls into SQLite. */
function inserter(db: DatabaseSync, table: string, columns: readonly string[], rowsPerStatement = 100) {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const sqlFor = (n: number): string => `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: n }, () => row).join(', ')}`;
  const full = db.prepare(sqlFor(rowsPerStatement));
  const pending: SQLInputValue[] = [];
  let count = 0;
  const width = columns.length;
  return {
    add(values: readonly SQLInputValue[]): void {
      for (const v of values) pending.push(v);
      count++;
      if (pending.length === rowsPerStatement * width) {
        full.run(...pending);
        pending.length = 0;
      }
    },
    flush(): void {
      if (pending.length > 0) db.prepare(sqlFor(pending.length / width)).run(...pending);
      pending.length = 0;
    },
    get count() {
      return count;
    },
  };
}

/** The people: the demo's (so `anna`/`demo` signs in) and more agents, clients and customers; the demo's internal targets. */
async function seedCast(file: string, options: SeedOptions, now: number): Promise<Cast> {
  const db = await openDatabase(file);
  try {
    const hash = await hashPassword(DEMO_PASSWORD);
    return await db.kysely.transaction().execute(async (trx) => {
      const people = await seedPeople(trx, hash, now);
      // The demo's internal targets for L2-L4 (docs/ola.md): each of those tickets' rows then carries its target clock.
      await storeOlaTargets(trx, DEMO_OLA_TARGETS, null, now);
      const tiers: Tier[] = ['l1', 'l2-analysts', 'l2-methodologists', 'l3', 'l4'];
      const agentsByTier: Record<Tier, AgentActor[]> = { l1: [], 'l2-analysts': [], 'l2-methodologists': [], l3: [], l4: [], escalation: [] };
      for (const a of DEMO_AGENTS) {
        const id = people.users.get(a.login) ?? 0;
        for (const tier of a.tiers) agentsByTier[tier].push({ kind: 'agent', id, name: a.name, role: a.role, tiers: a.tiers });
      }
      for (const tier of tiers) {
        for (let i = 1; i <= options.agentsPerTier; i++) {
          const login = `${tier}.agent${i}`;
          const name = `Agent ${i} (${tier})`;
          const id = await insertUser(trx, { login, name, kind: 'agent', role: 'agent', tiers: [tier], language: 'uk', passwordHash: hash }, now);
          agentsByTier[tier].push({ kind: 'agent', id, name, role: 'agent', tiers: [tier] });
        }
      }
      const demoClients = await clientsById(trx);
      const customers: CustomerActor[] = DEMO_CUSTOMERS.map((c) => {
        const client = demoClients.get(people.clients.get(c.client) ?? 0);
        if (client === undefined) throw new Error(`seeding: demo client ${c.client} missing`);
        return { kind: 'customer', id: people.users.get(c.login) ?? 0, name: c.name, clientId: client.id, language: c.language, client };
      });
      const languages: Language[] = ['uk', 'en', 'ru'];
      for (let i = 1; i <= options.clients; i++) {
        const language = languages[i % languages.length] ?? 'en';
        const fields = { name: `Client ${String(i).padStart(4, '0')}`, primaryGroup: i % 2 === 0 ? 'inbound' : 'autodialer', language } as const;
        const clientId = await insertClient(trx, fields);
        const name = `Customer of client ${i}`;
        const id = await insertUser(trx, { login: `client${i}.user`, name, kind: 'customer', clientId, language, passwordHash: hash }, now);
        customers.push({ kind: 'customer', id, name, clientId, language, client: { id: clientId, ...fields } });
      }
      return { agentsByTier, customers };
    });
  } finally {
    await db.close();
  }
}

/** The tables the tickets fill, whose indexes are dropped while seeding and built again after. */
const TICKET_TABLES = ['tickets', 'sla_events', 'sla_clocks', 'audit', 'messages', 'events'];

/** Writes the tickets into `file` (already migrated, with the cast) in one transaction. */
function seedTickets(file: string, options: SeedOptions, cast: Cast, now: number, sla: EvaluateOptions): Record<string, number> {
  // No journal while seeding (a failed seed is thrown away whole); node:sqlite's defensive mode forbids that.
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false, defensive: false });
  try {
    db.exec('pragma journal_mode = delete; pragma journal_mode = off; pragma synchronous = off; pragma cache_size = -262144; pragma temp_store = memory');
    const mode = (db.prepare('pragma journal_mode').get() as { journal_mode: string }).journal_mode;
    if (mode !== 'off') throw new Error(`seeding: journal_mode is ${mode}, not off`);
    // Indexes are built once at the end (a sort), not maintained row by row.
    const indexes = db.prepare(`select sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TICKET_TABLES.map((t) => `'${t}'`).join(', ')})`).all() as { sql: string }[];
    const names = db.prepare(`select name from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TICKET_TABLES.map((t) => `'${t}'`).join(', ')})`).all() as { name: string }[];
    db.exec('begin');
    for (const { name } of names) db.exec(`drop index "${name}"`);
    const tickets = inserter(db, 'tickets', ['id', 'kind', 'subject', 'body', 'language', 'client_id', 'author_id', 'status', 'tier', 'assignee_id', 'escalated', 'escalation_justification', 'compensation', 'duplicate_of', 'created_at', 'updated_at', 'sla_state', 'sla_due_at', 'sla_warn_at', 'sla_calendar']);
    const slaEvents = inserter(db, 'sla_events', ['ticket_id', 'type', 'at']);
    const clocks = inserter(db, 'sla_clocks', ['ticket_id', 'idx', 'target', 'started_at', 'due_at', 'warn_at', 'stopped_at', 'warned_at', 'breached_at']);
    const audit = inserter(db, 'audit', ['ticket_id', 'actor_id', 'action', 'from_tier', 'to_tier', 'detail', 'at']);
    const messages = inserter(db, 'messages', ['id', 'ticket_id', 'type', 'author_id', 'body', 'created_at', 'merged_from', 'notice']);
    const events = inserter(db, 'events', ['type', 'at', 'ticket_id', 'client_id', 'audience', 'payload'], 50);
    const random = rng(options.seed);
    const { createdAt, open } = timeline(options, now, random);
    let messageId = 0;
    const nextMessageId = (): number => ++messageId;
    for (let i = 0; i < options.total; i++) {
      const isOpen = open[i] === 1;
      const plan = planTicket(random, cast, customerFor(random, cast.customers), createdAt[i] ?? now, isOpen, now);
      const r = playTicket(i + 1, plan, now, sla, nextMessageId, isOpen && options.openEvents);
      const t = r.ticket;
      tickets.add([t.id, t.kind, t.subject, t.body, t.language, t.client_id, t.author_id, t.status, t.tier, t.assignee_id, t.escalated, t.escalation_justification, null, null, t.created_at, t.updated_at, t.sla_state, t.sla_due_at, t.sla_warn_at, t.sla_calendar]);
      for (const e of r.slaEvents) slaEvents.add([t.id, e.type, e.at]);
      for (const c of r.clocks) clocks.add([t.id, c.idx, c.target, c.started_at, c.due_at, c.warn_at, c.stopped_at, c.warned_at, c.breached_at]);
      for (const a of r.audit) audit.add([t.id, a.actor_id, a.action, a.from_tier, a.to_tier, a.detail, a.at]);
      for (const m of r.messages) messages.add([m.id, t.id, m.type, m.author_id, m.body, m.created_at, null, m.notice]);
      for (const e of r.events) events.add([e.type, e.at, t.id, t.client_id, e.audience, e.payload]);
    }
    const all = { tickets, sla_events: slaEvents, sla_clocks: clocks, audit, messages, events };
    for (const ins of Object.values(all)) ins.flush();
    for (const { sql } of indexes) db.exec(sql);
    // The rows' arrival columns from the histories just written, as migration 0017 fills them.
    for (const statement of TIER_ARRIVALS_SQL) db.exec(statement);
    db.exec('commit');
    // Back to what the service expects of its file (server/db/sqlite.ts sets WAL on open as well).
    db.exec('pragma journal_mode = wal');
    return Object.fromEntries(Object.entries(all).map(([table, ins]) => [table, ins.count]));
  } finally {
    db.close();
  }
}

/**
 * The seeded database for `options`: reused from the cache when a valid one is there, else written
 * from nothing (`log` hears the progress). `now` of a fresh seed is the current minute.
 */
export async function seededDatabase(options: SeedOptions, log: (line: string) => void = () => {}, cacheRoot = join(tmpdir(), 'dutydesk-scale')): Promise<Seeded> {
  const key = cacheKey(options);
  const dir = join(cacheRoot, `${options.total}-${options.open}-${key}`);
  const file = join(dir, 'scale.sqlite');
  const marker = join(dir, 'seeded.json');
  if (existsSync(marker) && existsSync(file)) {
    const seeded = JSON.parse(readFileSync(marker, 'utf8')) as Omit<Seeded, 'reused'>;
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      const count = (db.prepare('select count(*) as n from tickets').get() as { n: number }).n;
      const same = JSON.stringify(indexesOf(db)) === JSON.stringify(seeded.indexes);
      if (count === options.total && same) return { ...seeded, reused: true };
      log(`cached database ${file} no longer matches (tickets ${count}, indexes ${same ? 'same' : 'changed'}): seeding again`);
    } finally {
      db.close();
    }
  }
  // Files of this size seeded by an older seeder or schema are stale: gone, so the temp dir does not fill up.
  for (const stale of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
    if (stale.startsWith(`${options.total}-${options.open}-`)) rmSync(join(cacheRoot, stale), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const sla: EvaluateOptions = { calendar: createCalendar(), policy: DEFAULT_POLICY };
  const cast = await seedCast(file, options, now);
  const rows = seedTickets(file, options, cast, now, sla);
  const seedSeconds = (performance.now() - started) / 1000;
  const check = new DatabaseSync(file, { readOnly: true });
  const indexes = indexesOf(check);
  check.close();
  const bytes = readdirSync(dir).filter((f) => f.startsWith('scale.sqlite')).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  const seeded: Omit<Seeded, 'reused'> = { file, now, seedSeconds: Number(seedSeconds.toFixed(1)), bytes, rows, indexes };
  writeFileSync(marker, `${JSON.stringify(seeded, null, 2)}\n`);
  log(`seeded ${options.total.toLocaleString('en')} tickets (${options.open.toLocaleString('en')} open) in ${seeded.seedSeconds} s: ${file}`);
  return { ...seeded, reused: false };
}
