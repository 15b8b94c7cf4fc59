/**
 * Clients and their customers as administrators manage them: clients (name unique whatever its
 * case, primary function group R2/R20, language R10); customers created with a temporary password,
 * edited, reset, deactivated and reactivated like agents; and the all-or-nothing CSV import.
 * Every change writes the admin audit in its own transaction.
 */
import type { AdminClient, AdminCustomer, ImportRow } from '../../shared/api/index.ts';
import type { Language } from '../../shared/model/index.ts';
import type { FunctionGroup } from '../../shared/sla/index.ts';
import { hashTemporaryPassword, temporaryPassword } from '../auth/passwords.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Db } from '../db/index.ts';
import { writeEvents } from '../events/outbox.ts';
import { writeAdminAudit } from '../store/admin-audit.ts';
import type { Executor } from '../store/executor.ts';
import {
  adminClientById,
  adminCustomerById,
  clientNamed,
  deleteSessionsOf,
  insertCustomers,
  listAdminClients,
  listAdminCustomers,
  takenLogins,
  updateAccount,
  updateClient,
  type AccountState,
} from '../store/people.ts';
import { insertClient, insertUser } from '../store/users.ts';
import { changes, inTransaction, lockFor, newTemporaryPassword, requireFreeLogin, resetPassword } from './accounts.ts';
import type { Actor } from './actor.ts';
import { checkCustomerRecords, readCustomerCsv } from './customer-import.ts';
import { conflict, DomainError, notFound } from './errors.ts';

/** What the clients service needs. */
export interface ClientsServiceDeps {
  readonly db: Db;
  readonly now: () => number;
  /** To close this instance's event sockets of the sessions a change ends. */
  readonly sessions: Pick<Sessions, 'ended'>;
  /** After a committed event (a changed client or customer name: names.changed), so sockets hear of it. */
  readonly onEvents: () => void;
}

/** A client's fields. */
export interface ClientFields {
  readonly name: string;
  readonly primaryGroup: FunctionGroup;
  readonly language: Language;
  /** R11: the client's Telegram chat (docs/telegram.md); null or absent: none. */
  readonly telegramChatId?: string | null | undefined;
}

/** A change of a customer; `active` deactivates or reactivates. */
export interface CustomerPatch {
  readonly name?: string | undefined;
  readonly language?: Language | undefined;
  readonly active?: boolean | undefined;
}

/** An import refused: nothing was written; every row's check, when the rows were read. */
export class ImportRefused extends DomainError {
  readonly rows: readonly ImportRow[] | undefined;
  constructor(message: string, rows?: readonly ImportRow[]) {
    super('bad_request', message, 'body');
    this.rows = rows;
  }
}

/** What an import answers. */
export type ImportOutcome =
  | { readonly dryRun: true; readonly ok: boolean; readonly rows: readonly ImportRow[] }
  | { readonly dryRun: false; readonly ok: true; readonly rows: readonly ImportRow[]; readonly created: readonly { customer: AdminCustomer; temporaryPassword: string }[] };

/** The clients service. */
export type ClientsService = ReturnType<typeof createClientsService>;

/** Builds the clients service. */
export function createClientsService(deps: ClientsServiceDeps) {
  const { db } = deps;

  async function clientOrThrow(ex: Executor, id: number): Promise<AdminClient> {
    const client = await adminClientById(ex, id);
    if (client === undefined) throw notFound(`no client ${id}`);
    return client;
  }

  async function customerOrThrow(ex: Executor, clientId: number, id: number): Promise<AdminCustomer> {
    await clientOrThrow(ex, clientId);
    const customer = await adminCustomerById(ex, clientId, id);
    if (customer === undefined) throw notFound(`client ${clientId} has no customer ${id}`);
    return customer;
  }

  async function requireFreeName(ex: Executor, name: string, exceptId?: number): Promise<void> {
    const other = await clientNamed(ex, name, exceptId);
    if (other !== undefined) throw conflict(`a client named ${other.name} exists already`);
  }

  /** Every row checked against the accounts as they are now. */
  async function check(ex: Executor, clientId: number, csv: string): Promise<{ client: AdminClient; rows: ImportRow[] }> {
    const client = await clientOrThrow(ex, clientId);
    const reading = readCustomerCsv(csv);
    if (!reading.ok) throw new ImportRefused(reading.message);
    const taken = await takenLogins(ex, reading.records.map((r) => r.login));
    return { client, rows: checkCustomerRecords(reading.records, taken, client.language) };
  }

  return {
    /** Clients with their customer counts, by name. */
    clients: (): Promise<AdminClient[]> => listAdminClients(db.kysely),

    /** Creates a client; 409 when the name is taken. */
    async createClient(actor: Actor, input: ClientFields): Promise<AdminClient> {
      return inTransaction(db, `a client named ${input.name} exists already`, async (trx) => {
        await lockFor(trx, db, 'clients');
        await requireFreeName(trx, input.name);
        const { telegramChatId, ...fields } = input;
        const id = await insertClient(trx, fields);
        if (telegramChatId != null) await updateClient(trx, id, { telegramChatId });
        await writeAdminAudit(trx, { actorId: actor.id, action: 'client_created', targetKind: 'client', targetId: id, detail: { ...fields, ...(telegramChatId != null ? { telegramChatId } : {}) }, at: deps.now() });
        return clientOrThrow(trx, id);
      });
    },

    /** Edits a client; 409 when the new name is another client's. */
    async updateClient(actor: Actor, id: number, patch: Partial<ClientFields>): Promise<AdminClient> {
      const { client, shown } = await inTransaction(db, `a client named ${patch.name ?? ''} exists already`, async (trx) => {
        if (patch.name !== undefined) await lockFor(trx, db, 'clients');
        const before = await clientOrThrow(trx, id);
        if (patch.name !== undefined) await requireFreeName(trx, patch.name, id);
        await updateClient(trx, id, patch);
        const changed = changes(before, patch);
        const now = deps.now();
        if (Object.keys(changed).length > 0) {
          await writeAdminAudit(trx, { actorId: actor.id, action: 'client_updated', targetKind: 'client', targetId: id, detail: { name: before.name, changes: changed }, at: now });
        }
        // Rows show the client's name, function group and language: consoles read them again.
        const shown = changed.name !== undefined || changed.primaryGroup !== undefined || changed.language !== undefined;
        if (shown) await writeEvents(trx, db.engine, [{ type: 'names.changed', ticket: null, data: { of: 'client' } }], now);
        return { client: await clientOrThrow(trx, id), shown };
      });
      if (shown) deps.onEvents();
      return client;
    },

    /** A client's customers, by name; 404 for an unknown client. */
    async customers(clientId: number, state: AccountState): Promise<AdminCustomer[]> {
      await clientOrThrow(db.kysely, clientId);
      return listAdminCustomers(db.kysely, clientId, state);
    },

    /** Creates a customer of a client with a temporary password; the language defaults to the client's. */
    async createCustomer(actor: Actor, clientId: number, input: { login: string; name: string; language?: Language | undefined }): Promise<{ customer: AdminCustomer; temporaryPassword: string }> {
      const secret = await newTemporaryPassword();
      const customer = await inTransaction(db, `the login ${input.login} is taken`, async (trx) => {
        const client = await clientOrThrow(trx, clientId);
        await requireFreeLogin(trx, input.login);
        const now = deps.now();
        const language = input.language ?? client.language;
        const id = await insertUser(trx, { login: input.login, name: input.name, kind: 'customer', clientId, language, passwordHash: secret.hash, mustChangePassword: true }, now);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'customer_created', targetKind: 'customer', targetId: id, detail: { login: input.login, name: input.name, language, clientId, client: client.name }, at: now });
        return customerOrThrow(trx, clientId, id);
      });
      return { customer, temporaryPassword: secret.password };
    },

    /** Edits a customer; `active: false` signs them out everywhere. */
    async updateCustomer(actor: Actor, clientId: number, id: number, patch: CustomerPatch): Promise<AdminCustomer> {
      const { customer, ended, renamed } = await inTransaction(db, 'conflicting change', async (trx) => {
        const before = await customerOrThrow(trx, clientId, id);
        const now = deps.now();
        const { active, ...fields } = patch;
        const changed = changes(before, fields);
        await updateAccount(trx, id, { ...fields, ...(active !== undefined ? { active } : {}) }, now);
        if (Object.keys(changed).length > 0) {
          await writeAdminAudit(trx, { actorId: actor.id, action: 'customer_updated', targetKind: 'customer', targetId: id, detail: { login: before.login, clientId, changes: changed }, at: now });
        }
        // Tickets show their authors' names: consoles read open tickets again.
        if (changed.name !== undefined) await writeEvents(trx, db.engine, [{ type: 'names.changed', ticket: null, data: { of: 'customer' } }], now);
        let hashes: string[] = [];
        if (active === false && before.active) {
          hashes = await deleteSessionsOf(trx, id);
          await writeAdminAudit(trx, { actorId: actor.id, action: 'customer_deactivated', targetKind: 'customer', targetId: id, detail: { login: before.login, name: before.name, clientId, sessionsEnded: hashes.length }, at: now });
        } else if (active === true && !before.active) {
          await writeAdminAudit(trx, { actorId: actor.id, action: 'customer_reactivated', targetKind: 'customer', targetId: id, detail: { login: before.login, name: before.name, clientId }, at: now });
        }
        return { customer: await customerOrThrow(trx, clientId, id), ended: hashes, renamed: changed.name !== undefined };
      });
      deps.sessions.ended(ended);
      if (renamed) deps.onEvents();
      return customer;
    },

    /** A new temporary password: every session of the customer ends, and they must change it at the next sign-in. */
    async resetCustomerPassword(actor: Actor, clientId: number, id: number): Promise<{ temporaryPassword: string }> {
      const secret = await newTemporaryPassword();
      const ended = await inTransaction(db, 'conflicting change', async (trx) => {
        const customer = await customerOrThrow(trx, clientId, id);
        const hashes = await resetPassword(trx, id, secret.hash);
        await writeAdminAudit(trx, { actorId: actor.id, action: 'customer_password_reset', targetKind: 'customer', targetId: id, detail: { login: customer.login, clientId, sessionsEnded: hashes.length }, at: deps.now() });
        return hashes;
      });
      deps.sessions.ended(ended);
      return { temporaryPassword: secret.password };
    },

    /**
     * Imports customers from a CSV file, all or nothing: a dry run answers every row's check and
     * writes nothing; otherwise any row's error refuses the whole file (ImportRefused, with every
     * row), and a file without errors creates every customer with a temporary password.
     */
    async importCustomers(actor: Actor, clientId: number, csv: string, dryRun: boolean): Promise<ImportOutcome> {
      if (dryRun) {
        const { rows } = await check(db.kysely, clientId, csv);
        return { dryRun: true, ok: rows.every((r) => r.error === undefined), rows };
      }
      // Checked once before hashing (a bad file costs no hashing), and again in the transaction.
      const first = await check(db.kysely, clientId, csv);
      const refuse = (rows: readonly ImportRow[]): never => {
        const bad = rows.filter((r) => r.error !== undefined);
        const listed = bad.slice(0, 3).map((r) => `row ${r.row} ${r.error?.field ?? ''}: ${r.error?.message ?? ''}`).join('; ');
        throw new ImportRefused(`${bad.length} of ${rows.length} rows cannot be imported, so nothing was imported (${listed}${bad.length > 3 ? '; ...' : ''})`, rows);
      };
      if (first.rows.some((r) => r.error !== undefined)) refuse(first.rows);
      const secrets = await Promise.all(first.rows.map(async () => {
        const password = temporaryPassword();
        return { password, hash: await hashTemporaryPassword(password) };
      }));
      const created = await inTransaction(db, 'a login of the file was taken meanwhile; nothing was imported', async (trx) => {
        const { client, rows } = await check(trx, clientId, csv);
        if (rows.some((r) => r.error !== undefined)) refuse(rows);
        const now = deps.now();
        const ids = await insertCustomers(trx, clientId, rows.map((row, i) => ({ login: row.login, name: row.name, language: row.language ?? client.language, passwordHash: secrets[i]?.hash ?? '' })), now);
        const byId = new Map((await listAdminCustomers(trx, clientId, 'all')).map((c) => [c.id, c]));
        const made = ids.map((id, i) => {
          const customer = byId.get(id);
          const secret = secrets[i];
          if (customer === undefined || secret === undefined) throw new Error(`import: customer ${id} was not stored`);
          return { customer, temporaryPassword: secret.password };
        });
        await writeAdminAudit(trx, {
          actorId: actor.id,
          action: 'customers_imported',
          targetKind: 'client',
          targetId: clientId,
          detail: { client: client.name, count: made.length, customers: made.map((m) => ({ id: m.customer.id, login: m.customer.login })) },
          at: now,
        });
        return made;
      });
      return { dryRun: false, ok: true, rows: first.rows, created };
    },
  };
}
