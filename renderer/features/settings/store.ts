import { create } from 'zustand';

interface SettingsUi {
  readonly open: boolean;
  readonly actions: { settingsOpened(): void; settingsClosed(): void };
}

const useSettingsUi = create<SettingsUi>()((set) => ({
  open: false,
  actions: { settingsOpened: () => set({ open: true }), settingsClosed: () => set({ open: false }) },
}));

/** Whether the settings dialog is open. */
export const useSettingsOpen = () => useSettingsUi((s) => s.open);
/** Opens and closes the settings dialog. */
export const useSettingsUiActions = () => useSettingsUi((s) => s.actions);
/** Resets the store (tests). */
export const resetSettingsUi = () => useSettingsUi.getState().actions.settingsClosed();
