import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/contract.ts';

// A sandboxed renderer loads only one CommonJS preload that requires nothing but electron
// (CONVENTIONS.md). Only the built file can show that, so this test builds it when it is stale.
const root = join(import.meta.dirname, '../../..');
const bundle = join(root, 'out/preload/index.cjs');
let code = '';

beforeAll(() => {
  const source = join(root, 'preload/index.ts');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < statSync(source).mtimeMs) {
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
