import { create } from 'zustand';

interface AvailabilityUiState {
  readonly open: boolean;
  readonly actions: {
    availabilityOpened(): void;
    availabilityClosed(): void;
    reset(): void;
  };
}

const useAvailabilityStore = create<AvailabilityUiState>()((set) => ({
  open: false,
  actions: {
    availabilityOpened: () => set({ open: true }),
    availabilityClosed: () => set({ open: false }),
    reset: () => set({ open: false }),
  },
}));

/** Whether the availability screen is open. */
export const useAvailabilityOpen = () => useAvailabilityStore((s) => s.open);
/** The availability screen's actions. */
export const useAvailabilityActions = () => useAvailabilityStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetAvailabilityStore = () => useAvailabilityStore.getState().actions.reset();
