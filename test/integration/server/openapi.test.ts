/** The OpenAPI document serves generated clients: stable operation ids, relative servers, a licence, 4xx answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../support/service.ts';

describe('OpenAPI document', () => {
  let t: TestService & { drop: () => Promise<void> };
  beforeAll(async () => {
    t = await startTestService('sqlite');
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  it('every operation has a unique camelCase operationId and a 4xx response; servers are relative; the licence is stated', async () => {
    const doc = (await t.request('GET', '/api/v1/openapi.json')).body;
    expect(doc.servers).toEqual([{ url: '/', description: 'the service that serves this document' }]);
    expect(doc.info.license).toMatchObject({ name: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][a-zA-Z]+$/);
        ids.push(op.operationId as string);
        expect(Object.keys(op.responses).some((code) => /^4\d\d$/.test(code)), `${method} ${path} 4xx`).toBe(true);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['signIn', 'listTickets', 'takeTicket', 'decideCompensation']));
  });
});
