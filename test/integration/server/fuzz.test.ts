/**
 * Every route fuzzed from its own schema, over real HTTP, on SQLite and PostgreSQL: the operations
 * and their schemas come from the running service's OpenAPI document, so a new route is fuzzed
 * without editing this file. Properties of every response: never a 5xx; every 4xx is the
 * documented `{error, message, field?}` with a clear message; a request the document does not
 * allow (or carrying NUL) is refused; and a refusal leaves every table's rows exactly as they were.
 * The seed is fixed and printed; FUZZ_SEED and FUZZ_RUNS override it and the request count.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, createDigester, type DbDigest } from '../../support/db-digest.ts';
import { operationsOf, requestsForAll, type FuzzRequest, type OpenApiDocument, type Operation } from '../../support/fuzz-from-openapi.ts';
import { engines, startTestService, type TestService } from '../../support/service.ts';
import { hashToken } from '../../../server/auth/sessions.ts';
import { insertSession } from '../../../server/store/users.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const BODY_LIMIT = 64 * 1024;

/** The documented error code of each refusal status (docs/api.md, "Errors"). */
const ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'too_many_requests',
};

/** Who sends a request: signed-in users (so the fuzz reaches the handlers) and callers without a valid token. */
const CALLERS = [
  { name: 'manager', login: 'sofia', weight: 4 },
  { name: 'l1 agent', login: 'anna', weight: 3 },
  { name: 'customer', login: 'alpha.user', weight: 4 },
  { name: 'customer of another client', login: 'beta.user', weight: 2 },
  { name: 'no token', header: null, weight: 1 },
  { name: 'forged token', header: 'Bearer Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbi1mb3JnZWQtdG9rZW4', weight: 1 },
  { name: 'malformed header', header: 'Basic YW5uYTpkZW1v', weight: 1 },
] as const;
type Caller = (typeof CALLERS)[number];
/** Who each signed-in caller is, as `config.roles` names them. */
const AUDIENCE: Readonly<Record<'sofia' | 'anna' | 'alpha.user' | 'beta.user', 'manager' | 'agent' | 'customer'>> = { sofia: 'manager', anna: 'agent', 'alpha.user': 'customer', 'beta.user': 'customer' };

interface Violation {
  readonly rule: string;
  readonly operation: string;
  readonly status: number;
  readonly example: string;
}

interface Exchange {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** Something a response broke, or null. */
function errorBodyProblem(status: number, contentType: string, text: string): string | null {
  const code = ERROR_CODES[status];
  if (code === undefined) return `status ${status} is not a documented refusal`;
  if (!contentType.startsWith('application/json')) return `content-type ${contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'body is not an object';
  const { error, message, field, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `undocumented keys ${Object.keys(rest).join(', ')}`;
  if (error !== code) return `error ${JSON.stringify(error)} for ${status}, documented ${code}`;
  if (typeof message !== 'string' || message.trim().length < 5) return `message ${JSON.stringify(message)}`;
  if (message.length > 500) return `message of ${message.length} characters`;
  if (/SQLITE|postgres|syntax error|node_modules|\bat \S+:\d+|TypeError|undefined|\[object/i.test(message)) return `message leaks internals: ${message.slice(0, 120)}`;
  if (field !== undefined && (typeof field !== 'string' || field === '')) return `field ${JSON.stringify(field)}`;
  if (status === 400 && field === undefined) return 'a 400 without the field it names';
  return null;
}

function describeRequest(r: FuzzRequest, caller: Caller): string {
  const body = r.body === null ? '' : ` ${r.body.contentType} ${JSON.stringify(r.body.text.length > 160 ? `${r.body.text.slice(0, 160)}... (${r.body.text.length} chars)` : r.body.text)}`;
  return `${caller.name}: ${r.method} ${r.url.length > 200 ? `${r.url.slice(0, 200)}...` : r.url}${body}`;
}

describe.each(engines())('fuzzing every route from its OpenAPI schema on %s', (engine) => {
  let t: TestService & { drop: () => Promise<void> };
  const tokens = new Map<string, string>();

  const signIn = async (login: string): Promise<string> => {
    const r = await t.request<{ token: string }>('POST', '/api/v1/session', { body: { login, password: 'demo' } });
    if (r.status !== 200) throw new Error(`login ${login}: ${r.status}`);
    tokens.set(login, r.body.token);
    return r.body.token;
  };

  // A sign-out ends the caller's token; the next one is stored as a login stores it (a password check per sign-out would cost more than the fuzz).
  const newSession = async (login: string): Promise<void> => {
    const token = randomBytes(32).toString('base64url');
    await insertSession(t.db.kysely, hashToken(token), t.people.users.get(login) ?? 0, t.clock.now(), t.clock.now() + 24 * 3600_000);
    tokens.set(login, token);
  };

  beforeAll(async () => {
    t = await startTestService(engine, { service: { bodyLimit: BODY_LIMIT } });
    for (const c of CALLERS) if ('login' in c) await signIn(c.login);
    // A few tickets in several states, through the API, so ids 1..n exist and commands reach the rules.
    const file = async (login: string, kind: string) => {
      const r = await t.request('POST', '/api/v1/tickets', { token: tokens.get(login) ?? (await signIn(login)), body: { kind, subject: `Seed ${kind}`, body: 'Calls drop after ten seconds.' } });
      expect(r.status).toBe(201);
      return (r.body as { ticket: { id: number } }).ticket.id;
    };
    const ids: number[] = [];
    for (const kind of ['problem', 'bug', 'question', 'suggestion', 'problem', 'bug']) ids.push(await file('alpha.user', kind));
    for (const kind of ['problem', 'question', 'bug']) ids.push(await file('beta.user', kind));
    const act = async (login: string, id: number, action: string, body?: unknown) => {
      const r = await t.request('POST', `/api/v1/tickets/${id}/${action}`, { token: tokens.get(login) ?? (await signIn(login)), body });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    };
    await act('anna', ids[0] as number, 'take');
    await act('anna', ids[1] as number, 'messages', { type: 'question', body: 'Which campaign?' });
    await act('alpha.user', ids[2] as number, 'escalate', { justification: 'Our whole call centre is idle right now.' });
    await act('sofia', ids[3] as number, 'resolve', { withoutReply: true });
    await act('anna', ids[4] as number, 'route', { tier: 'l2-analysts', reason: 'needs logs' });
    await act('anna', ids[6] as number, 'messages', { type: 'note', body: 'internal: check the trunk' });
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  const send = async (r: FuzzRequest, caller: Caller): Promise<Exchange> => {
    const headers: Record<string, string> = {};
    if ('login' in caller) headers.authorization = `Bearer ${tokens.get(caller.login) ?? ''}`;
    else if (caller.header !== null) headers.authorization = caller.header;
    if (r.body !== null) headers['content-type'] = r.body.contentType;
    const res = await fetch(`${t.url}${r.url}`, { method: r.method, headers, ...(r.body !== null ? { body: r.body.text } : {}) });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  it('answers every generated request without a 5xx, refuses bad input with the documented error, and changes nothing when it refuses', async () => {
    const doc = (await t.request<OpenApiDocument>('GET', '/api/v1/openapi.json')).body;
    const ops: Operation[] = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(15);
    const caller = fc.oneof(...CALLERS.map((c) => ({ arbitrary: fc.constant<Caller>(c), weight: c.weight })));
    const violations: Violation[] = [];
    const statuses = new Map<string, Map<number, number>>();
    let refusals = 0;
    const timing = { send: 0, digest: 0 };
    // Digested again only when a write moved the change marker.
    const digest = createDigester(t.db);
    let baseline: DbDigest = await digest();
    const started = performance.now();
    console.log(`fuzz on ${engine}: seed ${SEED}, ${RUNS} requests over ${ops.length} operations (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to replay)`);

    await fc.assert(
      fc.asyncProperty(requestsForAll(ops), caller, async (r, who) => {
        const t0 = performance.now();
        const res = await send(r, who);
        const t1 = performance.now();
        timing.send += t1 - t0;
        const seen = statuses.get(r.operation) ?? new Map<number, number>();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        statuses.set(r.operation, seen);
        const note = (rule: string): void => {
          violations.push({ rule, operation: r.operation, status: res.status, example: `${describeRequest(r, who)} -> ${res.status} ${res.text.slice(0, 200)}` });
        };
        const after = await digest();
        timing.digest += performance.now() - t1;
        if (res.status >= 500) note('a 5xx');
        if (res.status >= 400) {
          refusals++;
          const problem = errorBodyProblem(res.status, res.contentType, res.text);
          if (problem !== null) note(`error body: ${problem}`);
          // A wrong password is recorded on purpose: the sign-in throttle counts it (docs/api.md), also as the current one of a password change.
          const wrongPassword = (r.operation === 'POST /api/v1/session' && res.status === 401) || (r.operation === 'POST /api/v1/session/password' && res.status === 400 && res.text.includes('"field":"current"'));
          const recorded = wrongPassword ? ['login_attempts'] : [];
          const changed = changedTables(baseline, after).filter((table) => !recorded.includes(table));
          if (changed.length > 0) note(`a refusal changed ${changed.join(', ')}`);
        }
        const operation = ops.find((o) => o.name === r.operation);
        const signedIn = 'login' in who;
        // A route narrowed to some roles refuses everyone else before it reads the request (server/http/auth.ts).
        const [method, path] = r.operation.split(' ');
        const roles = t.service.app.routeAccess.find((a) => a.method === method && a.url === path?.replace(/\{(\w+)\}/g, ':$1'))?.roles;
        const outsider = signedIn && roles !== undefined && !roles.includes(AUDIENCE[who.login]);
        const allowed = new Set([400, ...(r.body !== null && Buffer.byteLength(r.body.text) > BODY_LIMIT ? [413] : []), ...(operation?.public === true || signedIn ? [] : [401]), ...(outsider ? [403] : [])]);
        if (r.conforms === 'invalid' && !allowed.has(res.status)) note(`a request the document does not allow answered ${res.status}, not ${[...allowed].join('/')}`);
        if (r.hasNul && !allowed.has(res.status)) note(`text with NUL answered ${res.status}, not ${[...allowed].join('/')}`);
        // A 2xx may change the database: it becomes the new baseline. A sign-out ends this caller's token: sign in again.
        baseline = after;
        if (res.status < 300 && r.method === 'DELETE' && 'login' in who) {
          await newSession(who.login);
          baseline = await digest();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    const seconds = (performance.now() - started) / 1000;
    const table = [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([op, s]) => `  ${op.padEnd(42)} ${[...s].sort(([a], [b]) => a - b).map(([st, n]) => `${st}x${n}`).join(' ')}`);
    console.log(`fuzz on ${engine}: ${RUNS} requests in ${seconds.toFixed(1)} s (HTTP ${(timing.send / 1000).toFixed(1)} s, digests ${(timing.digest / 1000).toFixed(1)} s), ${refusals} refusals, ${violations.length} violations\n${table.join('\n')}`);
    // One line per kind of violation, with its first example.
    const grouped = new Map<string, { count: number; example: string }>();
    for (const v of violations) {
      const key = `${v.operation} | ${v.rule}`;
      const g = grouped.get(key);
      if (g === undefined) grouped.set(key, { count: 1, example: v.example });
      else g.count++;
    }
    expect([...grouped].map(([key, g]) => `${key} (x${g.count}), e.g. ${g.example}`)).toEqual([]);
  }, 240_000);
});
