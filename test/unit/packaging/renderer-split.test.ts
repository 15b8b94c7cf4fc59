import { beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, firstScreenChunks, type BundleChunk } from '../../../scripts/renderer-bundle.ts';

// The production renderer as `npm run build` makes it (electron-vite over vite.renderer.config.ts),
// built in memory here (a few seconds): minified, and each page's first screen loads only its own
// code; every other screen arrives by import() when it first opens (docs/architecture.md, Build).
let chunks: BundleChunk[] = [];
beforeAll(async () => {
  chunks = await buildRenderer();
}, 120_000);

const modulesOf = (list: readonly BundleChunk[]): string[] => list.flatMap((c) => c.modules);
const firstScreen = (entry: string): string[] => modulesOf(firstScreenChunks(chunks, entry));

// Screens that open from the console's header or a bar, the first start's and the temporary
// password's screens, and the libraries only they use.
const CONSOLE_ON_DEMAND = [
  'renderer/features/admin/admin-screen.tsx',
  'renderer/features/availability/availability-screen.tsx',
  'renderer/features/calendar/calendar-screen.tsx',
  'renderer/features/canned/editor-screen.tsx',
  'renderer/features/oncall/roster-screen.tsx',
  'renderer/features/setup/setup-screen.tsx',
  'renderer/features/outages/outage-view.tsx',
  'renderer/features/outages/outage-compensations.tsx',
  'renderer/features/account/choose-password-screen.tsx',
  'node_modules/recharts/',
  'node_modules/papaparse/',
];
const PORTAL_ON_DEMAND = ['renderer/portal/ticket/ticket-page.tsx', 'renderer/portal/new-ticket/new-ticket-page.tsx', 'renderer/features/account/choose-password-screen.tsx'];
const has = (modules: readonly string[], path: string): boolean => modules.some((m) => m.startsWith(path) || m.includes(`/${path}`));

describe('the production renderer', () => {
  it('is minified: no chunk is laid out in source lines (lines averaging under 200 characters)', () => {
    const laidOut = chunks.filter((c) => c.code.length > 1000 && c.code.length / c.code.split('\n').length < 200);
    expect(laidOut.map((c) => c.fileName)).toEqual([]);
  });

  it('the console\'s first screen holds the sign-in and the queue, and none of the screens that open later', () => {
    const first = firstScreen('index');
    expect(['renderer/features/auth/login-screen.tsx', 'renderer/features/queue/queue-screen.tsx'].filter((m) => !has(first, m))).toEqual([]);
    expect(CONSOLE_ON_DEMAND.filter((m) => has(first, m))).toEqual([]);
    // They are in the build, each reached by import() from the console.
    expect(CONSOLE_ON_DEMAND.filter((m) => !has(modulesOf(chunks), m))).toEqual([]);
  });

  it('the portal\'s first screen holds its sign-in and ticket list, and neither the console nor its other pages', () => {
    const first = firstScreen('portal');
    expect(['renderer/portal/portal-login.tsx', 'renderer/portal/tickets/ticket-list.tsx'].filter((m) => !has(first, m))).toEqual([]);
    expect([...PORTAL_ON_DEMAND, ...CONSOLE_ON_DEMAND, 'renderer/features/queue/queue-screen.tsx'].filter((m) => has(first, m))).toEqual([]);
    expect(PORTAL_ON_DEMAND.filter((m) => !has(modulesOf(chunks), m))).toEqual([]);
  });
});
