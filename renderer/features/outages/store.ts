import { create } from 'zustand';

interface OutageUiState {
  /** The outage whose view is open, or null. */
  readonly openId: number | null;
  readonly actions: {
    outageOpened(id: number): void;
    outageClosed(): void;
    reset(): void;
  };
}

const initial = { openId: null } as const;

const useOutageStore = create<OutageUiState>()((set) => ({
  ...initial,
  actions: {
    outageOpened: (openId) => set({ openId }),
    outageClosed: () => set({ openId: null }),
    reset: () => set(initial),
  },
}));

/** The outage whose view is open, or null. */
export const useOpenOutageId = () => useOutageStore((s) => s.openId);
/** The outage UI's actions. */
export const useOutageActions = () => useOutageStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetOutageStore = () => useOutageStore.getState().actions.reset();
