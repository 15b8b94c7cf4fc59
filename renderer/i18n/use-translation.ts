import { useMemo } from 'react';
import type { Language } from '../../shared/model/index.ts';
import { translator, type Translate } from '../../shared/i18n/index.ts';
import { useSettings } from '../features/settings/queries.ts';

/** The console's language (from the settings). */
export function useLanguage(): Language {
  return useSettings().language;
}

/** A translator in the console's language. */
export function useT(): Translate {
  const lang = useLanguage();
  return useMemo(() => translator(lang), [lang]);
}
