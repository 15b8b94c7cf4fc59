// @vitest-environment jsdom
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, CONSOLE_CSP_META } from '../../../shared/csp.ts';

// One policy: the built console carries shared/csp.ts in its meta tag, the same text the service
// and app://console send as a header. Built here with the real renderer config (about a second).
const root = join(import.meta.dirname, '../../..');
const pages: Record<'index' | 'portal', string> = { index: '', portal: '' };

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'dd-renderer-build-'));
  await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  for (const page of ['index', 'portal'] as const) pages[page] = readFileSync(join(outDir, `${page}.html`), 'utf8');
}, 60_000);

const policies = (doc: Document) =>
  [...doc.querySelectorAll('meta')].filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy').map((m) => m.content);

describe.each(['index', 'portal'] as const)('the built %s page (console, portal)', (page) => {
  it('carries the one policy, once, before any script: the header\'s without frame-ancestors (a header-only directive)', () => {
    const doc = new DOMParser().parseFromString(pages[page], 'text/html');
    expect(policies(doc)).toEqual([CONSOLE_CSP_META]);
    expect(CONSOLE_CSP).toBe(`${CONSOLE_CSP_META}; frame-ancestors 'none'`);
    const meta = doc.head.querySelector('meta[http-equiv]');
    const firstScript = doc.querySelector('script');
    expect(meta !== null && firstScript !== null && (meta.compareDocumentPosition(firstScript) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0).toBe(true);
  });

  it('has no inline script or style the policy would block', () => {
    const doc = new DOMParser().parseFromString(pages[page], 'text/html');
    expect([...doc.querySelectorAll('script')].every((s) => s.src !== '')).toBe(true);
    expect(doc.querySelectorAll('style, [style]')).toHaveLength(0);
  });

  it('comes from shared/csp.ts only: the source page declares no policy of its own', () => {
    const source = new DOMParser().parseFromString(readFileSync(join(root, `renderer/${page}.html`), 'utf8'), 'text/html');
    expect(policies(source)).toEqual([]);
  });
});
