import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, listBackups, pruneBackups } from '../../../server/backup/index.ts';
import { SATURDAY_3AM, fakeClock } from '../../support/clock.ts';
import { seedPeopleAt, startChildService } from '../../support/child-service.ts';
import { readContents, rowsNotIn, type Contents } from '../../support/db-compare.ts';
import { engines, freshDatabase, startTestService } from '../../support/service.ts';
import { customerTokens, startWriteLoad } from '../../support/write-load.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

/** Runs `npm run backup|restore -- ...` as the operator would (the script under node, no npm overhead). */
async function script(name: 'backup' | 'restore', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(root, 'scripts', `${name}.ts`), ...args]);
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const written = (stdout: string) => {
  const m = /backup written: (\S+) \((\d+) bytes in (\d+) ms, events up to seq (\d+)\)/.exec(stdout);
  if (m === null) throw new Error(`no backup line in: ${stdout}`);
  return { file: m[1] as string, bytes: Number(m[2]), ms: Number(m[3]), headSeq: Number(m[4]) };
};

type Payload = { ticket: { status: string; tier: string; assignee: { id: number } | null; sla: { state: string; dueAt: number | null } }; data: { message?: { id: number } } };

describe.each(engines())('backups (%s)', (engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dutydesk-backups-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  const fresh = async () => {
    const f = await freshDatabase(engine);
    cleanups.push(f.drop);
    return f.location;
  };

  it('a backup taken while 20 clients write restores to exactly what it claims; at rest, to every row of the source', async () => {
    const source = await fresh();
    await seedPeopleAt(source);
    const daily = join(dir, `cli-${engine}`);
    const service = await startChildService(source, { args: ['--backup-dir', daily, '--backup-keep', '7'] });
    cleanups.push(() => service.stop());
    await waitFor(() => service.stderr().includes('daily backups'));
    expect(service.stderr()).toMatch(new RegExp(`daily backups to ${daily} at 03:00 Europe/Kyiv; next \\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00\\.000Z`));
    const load = startWriteLoad(service.url, await customerTokens(service.url), { clients: 20 });
    await load.acknowledged(60);
    const live = await script('backup', ['--db', source, '--out', dir]);
    expect(live.stderr).toBe('');
    const claim = written(live.stdout);
    const acknowledgedAtBackup = load.tickets.length + load.messages.length;
    await load.acknowledged(acknowledgedAtBackup + 60);
    await load.stop();
    await service.stop();

    const target = await fresh();
    const restored = await script('restore', ['--from', claim.file, '--db', target]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain(`events up to seq ${claim.headSeq}`);
    const r = await readContents(target);
    const s = await readContents(source);
    // The source went on writing: the backup holds exactly its events up to the claimed seq...
    expect(claim.headSeq).toBeGreaterThan(0);
    expect(s.events.length).toBeGreaterThan(claim.headSeq);
    expect(r.events).toEqual(s.events.filter((e) => Number(e.seq) <= claim.headSeq));
    // ...every ticket and message those events announce, and nothing later...
    const payload = (e: Record<string, unknown>) => JSON.parse(String(e.payload)) as Payload;
    const createdIds = r.events.filter((e) => e.type === 'ticket.created').map((e) => Number(e.ticket_id));
    expect(r.tickets.map((t) => Number(t.id)).sort((a, b) => a - b)).toEqual(createdIds.sort((a, b) => a - b));
    const messageIds = new Set(r.events.filter((e) => e.type === 'message.added').map((e) => payload(e).data.message?.id));
    expect(r.messages).toEqual(s.messages.filter((m) => messageIds.has(Number(m.id))));
    // ...each ticket in the state its last event there describes (not torn between two commands)...
    for (const t of r.tickets) {
      const last = r.events.filter((e) => Number(e.ticket_id) === Number(t.id)).at(-1);
      expect(last, `ticket ${String(t.id)}`).toBeDefined();
      const { ticket } = payload(last as Record<string, unknown>);
      expect(ticket).toMatchObject({ status: t.status, tier: t.tier, assignee: t.assignee_id === null ? null : { id: Number(t.assignee_id) }, sla: { state: t.sla_state, dueAt: t.sla_due_at === null ? null : Number(t.sla_due_at) } });
    }
    // ...and every restored row of the append-only tables is, identically, in the source.
    for (const table of ['clients', 'users', 'user_tiers', 'sessions', 'sla_events', 'audit'] as const) {
      expect(rowsNotIn(r[table], s[table]), table).toEqual([]);
    }

    // At rest, a backup restores to every row of every table.
    const still = written((await script('backup', ['--db', source, '--out', dir])).stdout);
    const target2 = await fresh();
    expect((await script('restore', ['--from', still.file, '--db', target2])).stderr).toBe('');
    const r2: Contents = await readContents(target2);
    expect(r2).toEqual(s);
    console.info(`[figures] backup ${engine}: live backup ${claim.bytes} bytes in ${claim.ms} ms at seq ${claim.headSeq} (${acknowledgedAtBackup} writes acknowledged by then, ${s.events.length} events at the end); at-rest backup ${still.bytes} bytes in ${still.ms} ms; ${Object.values(s).reduce((n, rows) => n + rows.length, 0)} rows compared`);
  }, 90_000);

  it('restore refuses a target that holds data unless --force, and changes nothing when it refuses', async () => {
    const source = await fresh();
    await seedPeopleAt(source);
    const backup = await backupDatabase(source, dir);
    const target = await fresh();
    await seedPeopleAt(target);
    const ts = await startTestService(engine, { location: target });
    const token = await ts.login('alpha.user');
    expect((await ts.request('POST', '/api/v1/tickets', { token, body: { kind: 'problem', subject: 'Kept', body: 'Calls drop after 30 seconds.' } })).status).toBe(201);
    await ts.close();
    const before = await readContents(target);

    const refused = await script('restore', ['--from', backup.file, '--db', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('restore refused: the target database already holds tables; restore into a new or empty database, or pass --force');
    expect(await readContents(target)).toEqual(before);

    const forced = await script('restore', ['--from', backup.file, '--db', target, '--force']);
    expect(forced.code).toBe(0);
    expect((await readContents(target)).tickets).toEqual([]);
  }, 60_000);

  it('retention keeps exactly the N newest backups and leaves other files alone', async () => {
    const source = await fresh();
    await seedPeopleAt(source);
    const own = join(dir, `retention-${engine}`);
    mkdirSync(own);
    writeFileSync(join(own, 'notes.txt'), 'operator notes');
    const day = 24 * 3600_000;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await backupDatabase(source, own, SATURDAY_3AM + i * day)).file);
    const deleted = pruneBackups(own, 3);
    expect(deleted).toHaveLength(2);
    expect(listBackups(own).map((f) => join(own, f))).toEqual(made.slice(2).reverse());
    expect(readdirSync(own)).toContain('notes.txt');
  }, 60_000);

  it('the service backs up daily at 03:00 in the support zone, prunes, and survives a failed night', async () => {
    const clock = fakeClock(Date.parse('2026-11-27T12:00:00Z'));
    const timers: { run: () => void; ms: number }[] = [];
    const log: string[] = [];
    const own = join(dir, `daily-${engine}`);
    const ts = await startTestService(engine, { clock, service: { backup: { dir: own, keep: 2, schedule: (run, ms) => (timers.push({ run, ms }), () => {}), log: (l) => log.push(l) } } });
    cleanups.push(async () => {
      await ts.close();
      await ts.drop();
    });
    const backups = ts.service.backups;
    if (backups === null) throw new Error('no backup schedule');
    // 03:00 in Kyiv on 2026-11-28 is 01:00 UTC: 13 hours after the service started.
    expect(backups.nextAt()).toBe(SATURDAY_3AM);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(13 * 3600_000);

    const night = async (n: number) => {
      const timer = timers[n - 1];
      if (timer === undefined) throw new Error(`no timer ${n}`);
      clock.advance(timer.ms);
      timer.run();
      await waitFor(() => timers.length === n + 1);
    };
    await night(1);
    expect(listBackups(own)).toHaveLength(1);
    expect(log.at(-1)).toMatch(/^backup written: .*dutydesk-20261128T010000000Z\.(sqlite|dump)/);
    expect(timers[1]?.ms).toBe(24 * 3600_000);

    // A night the folder cannot be written: loud in the log, nothing lost, tried again the next night.
    rmSync(own, { recursive: true });
    writeFileSync(own, 'not a folder');
    await night(2);
    expect(log.at(-1)).toMatch(/^BACKUP FAILED: .*next attempt is at 2026-11-30T01:00:00\.000Z/);
    rmSync(own);
    await night(3);
    await night(4);
    await night(5);
    expect(log.filter((l) => l.startsWith('backup written'))).toHaveLength(4);
    expect(listBackups(own)).toEqual(['dutydesk-20261202T010000000Z', 'dutydesk-20261201T010000000Z'].map((n) => `${n}.${engine === 'sqlite' ? 'sqlite' : 'dump'}`));
  }, 60_000);
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${check.toString()}`);
}
