import { LANGUAGES, type Language } from '../model/index.ts';

/** The first of the browser's (or the OS's) preferred languages that support speaks, else English. */
export function languageFromPreferences(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const found = LANGUAGES.find((l) => l === primary);
    if (found !== undefined) return found;
  }
  return 'en';
}
