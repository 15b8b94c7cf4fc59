import { applySettingsPatch, DEFAULT_SETTINGS, settingsSchema, withDefaults, type Settings, type SettingsPatch } from '../shared/settings.ts';
import { WORKSPACES, type Workspace } from '../shared/ipc/contract.ts';
import type { KeyValue } from './token-store.ts';

const KEY = 'settings';

/** The console's settings, persisted in electron-store and validated on every read. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** Reads and writes settings; a file edited into an invalid shape is kept aside, not lost. `defaults` apply until the agent saves (main passes the OS's language). */
export function createSettingsStore(store: KeyValue, now: () => number, warn: (message: string) => void = console.warn, defaults: Settings = DEFAULT_SETTINGS): SettingsStore {
  const read = (): Settings => {
    const raw = store.get(KEY);
    if (raw === undefined) return defaults;
    const parsed = settingsSchema.safeParse(withDefaults(raw));
    if (parsed.success) return parsed.data;
    store.set(`invalid-settings-${now()}`, raw);
    store.delete(KEY);
    warn(`Settings were invalid (${parsed.error.issues[0]?.message ?? 'unknown'}); kept aside and reset to defaults.`);
    return defaults;
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

const WORKSPACE_KEY = 'workspace';

/** Which database the embedded service runs on, remembered across starts (main/workspace.ts). */
export interface WorkspaceStore {
  get(): Workspace;
  set(workspace: Workspace): void;
}

/** The remembered workspace; the demo until the user chooses their own (an unknown value reads as the demo, said once). */
export function createWorkspaceStore(store: KeyValue, warn: (message: string) => void = console.warn): WorkspaceStore {
  return {
    get() {
      const raw = store.get(WORKSPACE_KEY);
      if (raw === undefined) return 'demo';
      if ((WORKSPACES as readonly unknown[]).includes(raw)) return raw as Workspace;
      warn(`The remembered workspace ${JSON.stringify(raw)} is unknown; using the demo workspace.`);
      store.delete(WORKSPACE_KEY);
      return 'demo';
    },
    set(workspace) {
      store.set(WORKSPACE_KEY, workspace);
    },
  };
}
