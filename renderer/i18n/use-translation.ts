import { createContext, useContext, useMemo } from 'react';
import type { Language } from '../../shared/model/index.ts';
import { translator, type Translate } from '../../shared/i18n/index.ts';
import { useSettings } from '../features/settings/queries.ts';

/**
 * A language fixed by the app around a tree: the portal speaks the customer's language (or the
 * browser's before sign-in), so every component shared with the console speaks it too.
 */
export const LanguageContext = createContext<Language | null>(null);

/** The app's language: the one provided by LanguageContext, else the console's settings. */
export function useLanguage(): Language {
  const settings = useSettings();
  return useContext(LanguageContext) ?? settings.language;
}

/** A translator in the app's language. */
export function useT(): Translate {
  const lang = useLanguage();
  return useMemo(() => translator(lang), [lang]);
}
