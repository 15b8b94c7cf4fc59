import { create } from 'zustand';

interface OnCallUiState {
  /** The on-call stretch (its next opening) in which the agent chose the full queue; forgotten when the mode changes. */
  readonly showAllIn: number | null;
  readonly rosterOpen: boolean;
  readonly actions: {
    fullQueueChosen(period: number): void;
    narrowQueueChosen(): void;
    rosterOpened(): void;
    rosterClosed(): void;
    reset(): void;
  };
}

const initial = { showAllIn: null, rosterOpen: false } as const;

const useOnCallStore = create<OnCallUiState>()((set) => ({
  ...initial,
  actions: {
    fullQueueChosen: (period) => set({ showAllIn: period }),
    narrowQueueChosen: () => set({ showAllIn: null }),
    rosterOpened: () => set({ rosterOpen: true }),
    rosterClosed: () => set({ rosterOpen: false }),
    reset: () => set(initial),
  },
}));

/** The on-call stretch in which the full queue was chosen, or null. */
export const useShowAllIn = () => useOnCallStore((s) => s.showAllIn);
/** Whether the roster screen is open. */
export const useRosterOpen = () => useOnCallStore((s) => s.rosterOpen);
/** The on-call UI's actions. */
export const useOnCallActions = () => useOnCallStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetOnCallStore = () => useOnCallStore.getState().actions.reset();
