import { create } from 'zustand';

interface CannedUiState {
  readonly open: boolean;
  readonly actions: {
    cannedOpened(): void;
    cannedClosed(): void;
    reset(): void;
  };
}

const useCannedStore = create<CannedUiState>()((set) => ({
  open: false,
  actions: {
    cannedOpened: () => set({ open: true }),
    cannedClosed: () => set({ open: false }),
    reset: () => set({ open: false }),
  },
}));

/** Whether the canned replies screen is open. */
export const useCannedOpen = () => useCannedStore((s) => s.open);
/** Opens and closes the canned replies screen. */
export const useCannedActions = () => useCannedStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetCannedStore = () => useCannedStore.getState().actions.reset();
