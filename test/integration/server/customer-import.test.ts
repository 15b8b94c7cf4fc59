/**
 * The CSV import of customers, over real HTTP on SQLite and PostgreSQL: the dry run's per-row
 * preview, all-or-nothing (any row's error refuses the file and writes nothing), what files are
 * accepted, and the customers an import makes signing in with their temporary passwords.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../../shared/api/index.ts';
import { changedTables, digestDatabase } from '../../support/db-digest.ts';
import { engines, useTestService } from '../../support/service.ts';

describe.each(engines())('customer import on %s', (engine) => {
  const t = useTestService(engine, { service: { bodyLimit: 1024 * 1024 } });
  const client = async (name: string, language = 'uk') =>
    (await t.request('POST', '/api/v1/admin/clients', { token: await t.login('admin'), body: { name, primaryGroup: 'inbound', language } })).body.client.id as number;
  const upload = async (clientId: number, csv: string, dryRun: boolean, login = 'admin', contentType = 'text/csv; charset=utf-8') =>
    t.request('POST', `/api/v1/admin/clients/${clientId}/customers/import${dryRun ? '?dryRun=true' : ''}`, { token: await t.login(login), raw: csv, headers: { 'content-type': contentType } });

  const BAD = [
    'login,name,language',
    'ok.one,Olena Ok,uk',
    'alpha.user,Taken Login,ru', // taken by another account
    'dup.login,First,en',
    'DUP.LOGIN,Second,en', // upper case: refused as a login
    'dup.login,Third,en', // repeats row 4
    'no.name,,en',
    'bad.lang,Bad Language,de',
    'short.row,Only two', // two cells where the header has three
    'x,Too Short Login,en',
  ].join('\n');

  it('the dry run checks every row and writes nothing; the import of the same file is refused whole with every row', async () => {
    const id = await client('Import Errors');
    const before = await digestDatabase(t.db);
    const preview = await upload(id, BAD, true);
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(false);
    const errors = (preview.body.rows as { row: number; login: string; error?: { field: string; message: string } }[]).map((r) => [r.row, r.login, r.error?.field ?? null]);
    expect(errors).toEqual([
      [2, 'ok.one', null],
      [3, 'alpha.user', 'login'],
      [4, 'dup.login', null],
      [5, 'DUP.LOGIN', 'login'],
      [6, 'dup.login', 'login'],
      [7, 'no.name', 'name'],
      [8, 'bad.lang', 'language'],
      [9, 'short.row', 'row'],
      [10, 'x', 'login'],
    ]);
    const messages = (preview.body.rows as { error?: { message: string } }[]).map((r) => r.error?.message);
    expect(messages[1]).toBe('is taken by another account');
    expect(messages[4]).toBe('appears already at row 4');
    expect(messages[7]).toBe('has 2 cells; the header has 3');
    expect(changedTables(before, await digestDatabase(t.db))).toEqual([]);

    const refused = await upload(id, BAD, false);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'bad_request', field: 'body' });
    expect(refused.body.message).toMatch(/^7 of 9 rows cannot be imported, so nothing was imported \(row 3 login: is taken by another account; /);
    expect(refused.body.rows).toEqual(preview.body.rows);
    expect(changedTables(before, await digestDatabase(t.db))).toEqual([]);
  });

  it('imports a spreadsheet export (BOM, semicolons, quotes, CRLF, blank lines, columns in any order) all at once; each customer signs in and must change the password', async () => {
    const id = await client('Import Good', 'ru');
    const csv = '\uFEFFName ; LOGIN;Language\r\n"Shevchenko; Taras";taras.s;uk\r\n\r\n"O\'Brien, ""Pat""";pat.obrien;\r\nІрина Коваль;iryna.k;EN\r\n';
    const preview = await upload(id, csv, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      dryRun: true,
      ok: true,
      rows: [
        { row: 2, login: 'taras.s', name: 'Shevchenko; Taras', language: 'uk' },
        { row: 4, login: 'pat.obrien', name: 'O\'Brien, "Pat"', language: 'ru' },
        { row: 5, login: 'iryna.k', name: 'Ірина Коваль', language: 'en' },
      ],
    });
    expect((await t.request('GET', `/api/v1/admin/clients/${id}/customers`, { token: await t.login('admin') })).body.customers).toEqual([]);

    const r = await upload(id, csv, false);
    expect(r.status).toBe(201);
    const created = r.body.created as { customer: { id: number; login: string; name: string; language: string; clientId: number; mustChangePassword: boolean }; temporaryPassword: string }[];
    expect(created.map((c) => [c.customer.login, c.customer.name, c.customer.language, c.customer.clientId, c.customer.mustChangePassword])).toEqual([
      ['taras.s', 'Shevchenko; Taras', 'uk', id, true],
      ['pat.obrien', 'O\'Brien, "Pat"', 'ru', id, true],
      ['iryna.k', 'Ірина Коваль', 'en', id, true],
    ]);
    expect(JSON.stringify(r.body)).not.toContain('scrypt$');
    for (const c of created) {
      const s = await t.request('POST', '/api/v1/session', { body: { login: c.customer.login, password: c.temporaryPassword } });
      expect([s.status, s.body.mustChangePassword, s.body.user.client.id]).toEqual([200, true, id]);
    }
    const listed = (await t.request('GET', `/api/v1/admin/clients/${id}/customers`, { token: await t.login('sofia') })).body.customers as { login: string }[];
    expect(listed.map((c) => c.login).sort()).toEqual(['iryna.k', 'pat.obrien', 'taras.s']);
    const audit = (await t.request('GET', `/api/v1/admin/audit?action=customers_imported&targetId=${id}`, { token: await t.login('admin') })).body.entries as { targetKind: string; detail: { count: number; customers: { login: string }[] } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.targetKind).toBe('client');
    expect(audit[0]?.detail.count).toBe(3);
    expect(audit[0]?.detail.customers.map((c) => c.login)).toEqual(['taras.s', 'pat.obrien', 'iryna.k']);
    // The same file again: every login is taken now, and nothing more is written.
    const again = await upload(id, csv, false);
    expect(again.status).toBe(400);
    expect((again.body.rows as { error?: { message: string } }[]).every((row) => row.error?.message === 'is taken by another account')).toBe(true);
  });

  it('refuses what is not a customer file, saying why, and writes nothing', async () => {
    const id = await client('Import Files');
    const before = await digestDatabase(t.db);
    const cases: [string, string, RegExp][] = [
      ['empty', '', /the file is empty/],
      ['header only', 'login,name\n', /header row but no customers/],
      ['unknown column', 'login,name,email\nx.y,X Y,x@y\n', /unknown column "email"/],
      ['no name column', 'login;language\nx.y;en\n', /lacks name/],
      ['a column twice', 'login,name,login\nx.y,X,x.z\n', /names login twice/],
      ['too many rows', `login,name\n${Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `u${i},User ${i}`).join('\n')}\n`, /one import takes at most 2000/],
    ];
    for (const [what, csv, message] of cases) {
      const r = await upload(id, csv, false);
      expect([what, r.status, r.body.error, r.body.field], what).toEqual([what, 400, 'bad_request', 'body']);
      expect(r.body.message, what).toMatch(message);
      expect(r.body.rows, what).toBeUndefined();
    }
    const json = await upload(id, JSON.stringify('login,name\na.b,A B\n'), false, 'admin', 'application/json');
    expect([json.status, json.body.message]).toEqual([400, 'send the file as the body with content-type text/csv']);
    expect((await upload(999_999, 'login,name\na.b,A B\n', true)).status).toBe(404);
    const plain = await upload(id, 'login,name\na.b,A B\n', false, 'admin');
    expect(plain.status).toBe(201);
    const notAdmin = await upload(id, 'login,name\nc.d,C D\n', true, 'sofia');
    expect(notAdmin.status).toBe(403);
    const query = await t.request('POST', `/api/v1/admin/clients/${id}/customers/import?dryRun=yes`, { token: await t.login('admin'), raw: 'login,name\ne.f,E F\n', headers: { 'content-type': 'text/csv' } });
    expect([query.status, query.body.field]).toEqual([400, 'querystring.dryRun']);
    expect(changedTables(before, await digestDatabase(t.db))).toEqual(['admin_audit', 'users']);
  });

  it(`imports ${MAX_IMPORT_ROWS} customers in one go`, async () => {
    const id = await client('Import Large');
    const csv = `login,name\n${Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `large.${i},Large Customer ${i}`).join('\n')}\n`;
    const started = performance.now();
    const r = await upload(id, csv, false);
    const ms = performance.now() - started;
    expect(r.status).toBe(201);
    expect(r.body.created).toHaveLength(MAX_IMPORT_ROWS);
    console.log(`import of ${MAX_IMPORT_ROWS} customers on ${engine}: ${Math.round(ms)} ms`);
    const count = await t.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('client_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(MAX_IMPORT_ROWS);
    // Hashing 2,000 passwords takes seconds on a busy machine: no deadline here (speed is measured, not asserted).
  }, 120_000);
});
