/** Whether a built file is older than the sources it is built from (for tests that read build output). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]/g;

/** `entry` and every file it imports by a relative path, transitively (type-only imports too). */
export function sourcesOf(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) visit(resolve(dirname(file), m[1] ?? ''));
  };
  visit(resolve(entry));
  return [...seen];
}

/** True when `built` is missing or older than any of `sources`. */
export function isStale(built: string, sources: readonly string[]): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((s) => statSync(s).mtimeMs > builtAt);
}
