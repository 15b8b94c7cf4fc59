import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/contract.ts';
import { isStale, sourcesOf } from '../../support/stale-build.ts';

// A sandboxed renderer loads only one CommonJS preload that requires nothing but electron
// (docs/architecture.md, Build). Only the built file can show that, so this test builds it when it is stale.
const root = join(import.meta.dirname, '../../..');
const bundle = join(root, 'out/preload/index.cjs');
let code = '';

/** What the built preload depends on: its source, everything it imports (the IPC contract), the build config. */
const preloadSources = (): string[] => [...sourcesOf(join(root, 'preload/index.ts')), join(root, 'electron.vite.config.ts')];

beforeAll(() => {
  if (isStale(bundle, preloadSources())) {
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  }
  code = readFileSync(bundle, 'utf8');
}, 120_000);

describe('the built preload', () => {
  it('is one CommonJS file that requires electron and nothing else', () => {
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('exposes one function per invoke channel and listens only on the event channels of the contract', () => {
    for (const channel of INVOKE_CHANNELS) expect(code).toContain(`"${channel}": invoke("${channel}")`);
    for (const channel of EVENT_CHANNELS) expect(code).toContain(`"${channel}"`);
    expect(code).toContain('exposeInMainWorld("dutydesk"');
  });

  it('stays small: no validation library or shared code bundled in', () => {
    expect(code.length).toBeLessThan(8 * 1024);
  });
});

describe('the staleness check before reading it', () => {
  it('counts the IPC contract and everything else the preload imports', () => {
    const sources = preloadSources();
    expect(sources).toContain(join(root, 'preload/index.ts'));
    expect(sources).toContain(join(root, 'shared/ipc/contract.ts'));
    expect(sources).toContain(join(root, 'electron.vite.config.ts'));
  });

  it('calls a build stale when an imported file, even one imported for types only, is newer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-stale-'));
    writeFileSync(join(dir, 'entry.ts'), "import type { A } from './contract.ts';\nimport { b } from \"./b.ts\";\nexport const x: A = b;\n");
    writeFileSync(join(dir, 'contract.ts'), 'export type A = number;\n');
    writeFileSync(join(dir, 'b.ts'), "export { c as b } from './c.ts';\n");
    writeFileSync(join(dir, 'c.ts'), 'export const c = 1;\n');
    writeFileSync(join(dir, 'built.cjs'), '');
    const t = (file: string, s: number) => utimesSync(join(dir, file), s, s);
    for (const f of ['entry.ts', 'contract.ts', 'b.ts', 'c.ts']) t(f, 1000);
    t('built.cjs', 2000);
    const sources = sourcesOf(join(dir, 'entry.ts'));
    expect(sources.map((s) => s.slice(dir.length + 1)).sort()).toEqual(['b.ts', 'c.ts', 'contract.ts', 'entry.ts']);
    expect(isStale(join(dir, 'built.cjs'), sources)).toBe(false);
    t('contract.ts', 3000);
    expect(isStale(join(dir, 'built.cjs'), sources)).toBe(true);
    t('contract.ts', 1000);
    t('c.ts', 3000);
    expect(isStale(join(dir, 'built.cjs'), sources)).toBe(true);
    expect(isStale(join(dir, 'missing.cjs'), sources)).toBe(true);
  });
});
