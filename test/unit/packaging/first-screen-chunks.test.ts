import { describe, expect, it } from 'vitest';
import { firstScreenChunks, jsSize, type BundleChunk } from '../../../scripts/renderer-bundle.ts';

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = [], entry: string | null = null): BundleChunk => ({ fileName, entry, imports, dynamicImports, modules: [], code: `/*${fileName}*/` });

describe('firstScreenChunks (what a page loads before its first screen)', () => {
  const graph = [
    chunk('index.js', ['shared.js', 'react.js'], ['admin.js'], 'index'),
    chunk('portal.js', ['shared.js'], [], 'portal'),
    chunk('shared.js', ['react.js', 'i18n.js'], ['calendar.js']),
    chunk('react.js'),
    chunk('i18n.js'),
    chunk('admin.js', ['charts.js']),
    chunk('calendar.js'),
    chunk('charts.js'),
  ];
  const files = (entry: string): string[] => firstScreenChunks(graph, entry).map((c) => c.fileName).sort();

  it('is the entry and everything it imports statically, at any depth, each once', () => {
    expect(files('index')).toEqual(['i18n.js', 'index.js', 'react.js', 'shared.js']);
    expect(files('portal')).toEqual(['i18n.js', 'portal.js', 'react.js', 'shared.js']);
  });

  it('leaves out what only import() reaches, and what that imports', () => {
    expect(files('index')).not.toContain('admin.js');
    expect(files('index')).not.toContain('charts.js');
    expect(files('index')).not.toContain('calendar.js');
  });

  it('refuses an entry the build does not have, and an import of a file it does not have', () => {
    expect(() => firstScreenChunks(graph, 'nope')).toThrow('no entry chunk named nope');
    expect(() => firstScreenChunks([chunk('a.js', ['gone.js'], [], 'a')], 'a')).toThrow('a.js imports gone.js');
  });

  it('sizes the chunks raw and gzipped', () => {
    const size = jsSize([chunk('a.js'), chunk('bb.js')]);
    expect(size).toMatchObject({ files: 2, raw: '/*a.js*//*bb.js*/'.length });
    expect(size.gzip).toBeGreaterThan(0);
  });
});
