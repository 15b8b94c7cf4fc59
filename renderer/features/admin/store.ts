import { create } from 'zustand';

/** The parts of the administration screen. */
export type AdminTab = 'people' | 'clients' | 'telegram' | 'audit' | 'ola';

interface AdminUiState {
  readonly open: boolean;
  readonly tab: AdminTab;
  /** The client whose customers are shown, or null. */
  readonly clientId: number | null;
  readonly actions: {
    adminOpened(): void;
    adminClosed(): void;
    tabChosen(tab: AdminTab): void;
    clientChosen(id: number | null): void;
    reset(): void;
  };
}

const initial = { open: false, tab: 'people', clientId: null } as const;

const useAdminStore = create<AdminUiState>()((set) => ({
  ...initial,
  actions: {
    adminOpened: () => set({ open: true }),
    adminClosed: () => set(initial),
    tabChosen: (tab) => set({ tab }),
    clientChosen: (clientId) => set({ clientId }),
    reset: () => set(initial),
  },
}));

/** Whether the administration screen is open. */
export const useAdminOpen = () => useAdminStore((s) => s.open);
/** The part of the screen shown. */
export const useAdminTab = () => useAdminStore((s) => s.tab);
/** The client whose customers are shown. */
export const useChosenClientId = () => useAdminStore((s) => s.clientId);
/** The administration screen's actions. */
export const useAdminActions = () => useAdminStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetAdminStore = () => useAdminStore.getState().actions.reset();
