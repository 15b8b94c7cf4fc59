/** A 5xx always leaves a log line, even with fastify's logger off (as the CLI and these tests run it). */
import { describe, expect, it, vi } from 'vitest';
import { engines, useTestService } from '../../support/service.ts';

describe.each(engines())('server errors on %s', (engine) => {
  const t = useTestService(engine);

  it('a forced 500 answers "internal error" and logs method, path and stack', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    try {
      // A table gone from under the service: the next sign-in cannot store its session.
      await t.db.kysely.schema.dropTable('sessions').execute();
      const r = await t.request('POST', '/api/v1/session?from=test', { body: { login: 'anna', password: 'demo' } });
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: 'internal', message: 'internal error; the request changed nothing' });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ 500 POST \/api\/v1\/session \(request [^)]+\): .*sessions[\s\S]*\n\s+at /);
  });
});
