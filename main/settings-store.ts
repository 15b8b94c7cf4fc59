import { applySettingsPatch, DEFAULT_SETTINGS, settingsSchema, withDefaults, type Settings, type SettingsPatch } from '../shared/settings.ts';
import type { KeyValue } from './token-store.ts';

const KEY = 'settings';

/** The console's settings, persisted in electron-store and validated on every read. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** Reads and writes settings; a file edited into an invalid shape is kept aside, not lost. */
export function createSettingsStore(store: KeyValue, now: () => number, warn: (message: string) => void = console.warn): SettingsStore {
  const read = (): Settings => {
    const raw = store.get(KEY);
    if (raw === undefined) return DEFAULT_SETTINGS;
    const parsed = settingsSchema.safeParse(withDefaults(raw));
    if (parsed.success) return parsed.data;
    store.set(`invalid-settings-${now()}`, raw);
    store.delete(KEY);
    warn(`Settings were invalid (${parsed.error.issues[0]?.message ?? 'unknown'}); kept aside and reset to defaults.`);
    return DEFAULT_SETTINGS;
  };
  return {
    get: read,
    update(patch) {
      const next = settingsSchema.parse(applySettingsPatch(read(), patch));
      store.set(KEY, next);
      return next;
    },
  };
}
