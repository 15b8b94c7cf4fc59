// The production renderer as `npm run build` makes it (electron-vite's renderer pipeline over
// vite.renderer.config.ts), built in memory, and what each page loads before its first screen:
// its entry chunk and every chunk that chunk imports statically (the page's modulepreload tags).
// Chunks reached only by import() load when a screen first opens. Used by bench/bundle.bench.ts
// and test/unit/packaging/renderer-split.test.ts.
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { gzipSync } from 'node:zlib';

/** One JavaScript chunk of the build. */
export interface BundleChunk {
  readonly fileName: string;
  /** The entry's name ('index': the console, 'portal': the portal) when the chunk is a page's entry. */
  readonly entry: string | null;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  /** Source modules in the chunk, as paths relative to the repository. */
  readonly modules: readonly string[];
  readonly code: string;
}

const root = `${import.meta.dirname.replace(/\\/g, '/').replace(/\/scripts$/, '')}/`;

/**
 * Builds the renderer exactly as the desktop build does (electron-vite, production mode): in
 * memory, or into `outDir` (pages and assets, for a service to serve) when given.
 */
export async function buildRenderer(outDir?: string): Promise<BundleChunk[]> {
  const nodeEnv = process.env.NODE_ENV;
  try {
    const { config } = await resolveConfig({ configFile: `${root}electron.vite.config.ts`, logLevel: 'silent' }, 'build', 'production');
    const renderer = config?.renderer;
    if (renderer === undefined) throw new Error('electron.vite.config.ts has no renderer');
    const written = outDir === undefined ? { write: false } : { write: true, outDir, emptyOutDir: true };
    const output = await build({ ...renderer, configFile: false, logLevel: 'silent', build: { ...renderer.build, ...written } });
    const outputs = Array.isArray(output) ? output : [output];
    const chunks: BundleChunk[] = [];
    for (const out of outputs) {
      if (!('output' in out)) throw new Error('expected a finished build, not a watcher');
      for (const item of out.output) {
        if (item.type !== 'chunk') continue;
        chunks.push({
          fileName: item.fileName,
          entry: item.isEntry ? item.name : null,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          modules: item.moduleIds.map((id) => (id.startsWith(root) ? id.slice(root.length) : id)),
          code: item.code,
        });
      }
    }
    return chunks;
  } finally {
    // electron-vite sets NODE_ENV for the build; the calling process keeps its own.
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** The chunks a page loads before its first screen: its entry and, transitively, what it imports statically. */
export function firstScreenChunks(chunks: readonly BundleChunk[], entry: string): BundleChunk[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const start = chunks.find((c) => c.entry === entry);
  if (start === undefined) throw new Error(`no entry chunk named ${entry}`);
  const seen = new Map<string, BundleChunk>();
  const visit = (chunk: BundleChunk): void => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next === undefined) throw new Error(`${chunk.fileName} imports ${file}, which the build does not have`);
      visit(next);
    }
  };
  visit(start);
  return [...seen.values()];
}

/** Bytes of JavaScript as served and as sent gzip-compressed (level 9, what a static server's gzip sends at best). */
export interface JsSize {
  readonly files: number;
  readonly raw: number;
  readonly gzip: number;
}

export function jsSize(chunks: readonly BundleChunk[]): JsSize {
  let raw = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk.code, 'utf8');
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: chunks.length, raw, gzip };
}
