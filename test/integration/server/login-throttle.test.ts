/** The login throttle against bursts of parallel guesses, on each engine and across two instances on one PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { MAX_FAILURES } from '../../../server/auth/login-throttle.ts';
import { engines, useTestService, useTwoInstances, type TestService } from '../../support/service.ts';

const MIN = 60_000;

const guess = (t: TestService, login: string, password: string) => t.request('POST', '/api/v1/session', { body: { login, password } });

/** The statuses of `n` guesses sent at once, spread over `instances`. */
async function burst(instances: readonly TestService[], login: string, n: number): Promise<number[]> {
  const replies = await Promise.all(Array.from({ length: n }, (_, i) => guess(instances[i % instances.length] as TestService, login, `guess-${i}`)));
  for (const r of replies) {
    if (r.status === 429) expect(r.body).toEqual({ error: 'too_many_requests', message: 'too many wrong passwords for this login; try again in 15 minutes' });
  }
  return replies.map((r) => r.status);
}

const count = (statuses: readonly number[], status: number) => statuses.filter((s) => s === status).length;

describe.each(engines())('login throttle on %s', (engine) => {
  const t = useTestService(engine);

  it(`100 parallel guesses for one login check at most ${MAX_FAILURES} passwords; the rest get 429 saying when`, async () => {
    const statuses = await burst([t], 'ivan', 100);
    expect(count(statuses, 401)).toBe(MAX_FAILURES);
    expect(count(statuses, 429)).toBe(100 - MAX_FAILURES);
    // The right password waits too, until the window has passed; other logins are untouched.
    expect((await guess(t, 'Ivan', 'demo')).status).toBe(429);
    expect((await guess(t, 'dmytro', 'demo')).status).toBe(200);
    t.clock.advance(15 * MIN);
    expect((await guess(t, 'ivan', 'demo')).status).toBe(200);
  });

  it('a burst of sign-ins with the right password all get in: they wait for the checks in flight, never a 429', async () => {
    const statuses = await Promise.all(Array.from({ length: 3 * MAX_FAILURES }, () => guess(t, 'boris', 'demo')));
    expect(statuses.map((r) => r.status)).toEqual(Array.from({ length: 3 * MAX_FAILURES }, () => 200));
  });

  it('a successful sign-in clears the count', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await guess(t, 'olga', `nope-${i}`)).status).toBe(401);
    expect((await guess(t, 'olga', 'demo')).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await guess(t, 'olga', `nope-${i}`)).status).toBe(401);
    expect((await guess(t, 'olga', 'demo')).status).toBe(200);
  });
});

describe.skipIf(inject('pgBaseUrl') === null)('login throttle across two instances on one PostgreSQL', () => {
  const [a, b] = useTwoInstances();

  it(`100 guesses split over both instances check at most ${MAX_FAILURES} passwords in all`, async () => {
    const statuses = await burst([a, b], 'maria', 100);
    expect(count(statuses, 401)).toBe(MAX_FAILURES);
    expect(count(statuses, 429)).toBe(100 - MAX_FAILURES);
    expect((await guess(b, 'maria', 'demo')).status).toBe(429);
  });
});
