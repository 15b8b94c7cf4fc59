/** The admin routes' roles are the rule the console hides its write controls by (shared/auth/roles.ts): one rule, two places that follow it. */
import { describe, expect, it } from 'vitest';
import { ADMINISTRATION_READERS, ADMINISTRATORS } from '../../../shared/auth/roles.ts';
import { useTestService } from '../../support/service.ts';

/** The people, clients and audit routes (the support calendar, also under /admin, has its own rule). */
const administration = (url: string): boolean => url.startsWith('/api/v1/admin/') && !url.startsWith('/api/v1/admin/calendar');
/** What managers may read: people, clients, customers; the admin audit is for admins. */
const READ = ['GET /api/v1/admin/agents', 'GET /api/v1/admin/clients', 'GET /api/v1/admin/clients/:id/customers'];

describe('who may administer', () => {
  const t = useTestService('sqlite');

  it('reading routes are for ADMINISTRATION_READERS, every other admin route for ADMINISTRATORS, as the console decides (mayAdminister, mayReadAdministration)', () => {
    const routes = t.service.app.routeAccess.filter((r) => r.method !== 'HEAD' && administration(r.url));
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([...READ, 'POST /api/v1/admin/agents', 'GET /api/v1/admin/audit']));
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      expect([key, [...(r.roles ?? [])].sort()]).toEqual([key, [...(READ.includes(key) ? ADMINISTRATION_READERS : ADMINISTRATORS)].sort()]);
    }
  });
});
