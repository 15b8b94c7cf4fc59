/**
 * The demo's canned replies (server/demo/canned.ts) as the API lists them: a few per language,
 * for every team and some teams, written by the demo manager, each accepted by the API's own rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCannedReplyRequestSchema, type CannedReply } from '../../../shared/api/index.ts';
import { openDatabase } from '../../../server/db/index.ts';
import { DEMO_CANNED_REPLIES } from '../../../server/demo/canned.ts';
import { seedDemo } from '../../../server/demo/seed.ts';
import { fakeClock, WORKING_HOURS } from '../../support/clock.ts';
import { freshDatabase, startTestService, type TestService } from '../../support/service.ts';

describe('the demo canned replies', () => {
  let t: TestService & { drop: () => Promise<void> };
  beforeAll(async () => {
    const fresh = await freshDatabase('sqlite');
    const db = await openDatabase(fresh.location);
    try {
      await seedDemo(db, WORKING_HOURS, {}, false);
    } finally {
      await db.close();
    }
    t = await startTestService('sqlite', { location: fresh.location, clock: fakeClock(WORKING_HOURS) });
  });
  afterAll(async () => {
    await t.close();
    await t.drop();
  });

  it('lists at least two every-team replies per language and some for L1, by the demo manager', async () => {
    const r = await t.request<{ replies: CannedReply[] }>('GET', '/api/v1/canned-replies?tier=l1', { token: await t.login('anna') });
    for (const language of ['ru', 'uk', 'en']) {
      const mine = r.body.replies.filter((x) => x.language === language);
      expect(mine.filter((x) => x.tier === null).length, language).toBeGreaterThanOrEqual(2);
      expect(mine.filter((x) => x.tier === 'l1').length, language).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(r.body.replies.map((x) => x.createdBy?.name))).toEqual(new Set(['Sofia Tkachenko']));
  });

  it('every demo reply passes the rule the API applies to a new one', () => {
    for (const reply of DEMO_CANNED_REPLIES) expect(createCannedReplyRequestSchema.safeParse(reply).success, reply.title).toBe(true);
  });
});
