import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, unknown>;
  files?: string[];
};
// electron-builder names each fuse in camelCase after @electron/fuses' enum.
const fuseNames = Object.keys(FuseV1Options)
  .filter((k) => Number.isNaN(Number(k)))
  .map((k) => k[0]?.toLowerCase() + k.slice(1));

describe('electron-builder.yml', () => {
  it('sets every Electron fuse explicitly', () => {
    expect(fuseNames.length).toBeGreaterThan(0);
    for (const name of fuseNames) expect(typeof config.electronFuses?.[name], `fuse ${name}`).toBe('boolean');
  });

  it('packs what main loads at run time: the build, and the tray and window icons', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'resources/**/*', 'package.json']));
    const main = readFileSync(join(root, 'main/index.ts'), 'utf8');
    const assets = [...main.matchAll(/'(resources\/[^']+)'/g)].map((m) => m[1] ?? '');
    expect(assets).toEqual(expect.arrayContaining(['resources/icon.png', 'resources/tray.png']));
    for (const asset of assets) expect(readFileSync(join(root, asset)).length, asset).toBeGreaterThan(0);
  });

  it('closes the doors an attacker would use', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
