import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, unknown>;
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
