import { create } from 'zustand';
import type { TicketView } from '../../../shared/api/index.ts';

interface QueueState {
  readonly view: TicketView | null;
  readonly search: string;
  /** The row the keyboard cursor is on, by ticket id. */
  readonly cursorId: number | null;
  readonly actions: {
    viewChosen(view: TicketView): void;
    searchTyped(search: string): void;
    cursorMoved(id: number | null): void;
    reset(): void;
  };
}

const initial = { view: null, search: '', cursorId: null } as const;

const useQueueStore = create<QueueState>()((set) => ({
  ...initial,
  actions: {
    viewChosen: (view) => set({ view, cursorId: null }),
    searchTyped: (search) => set({ search }),
    cursorMoved: (cursorId) => set({ cursorId }),
    reset: () => set(initial),
  },
}));

/** The chosen view, or null for the agent's default. */
export const useChosenView = () => useQueueStore((s) => s.view);
/** The search text. */
export const useSearch = () => useQueueStore((s) => s.search);
/** The keyboard cursor's ticket id. */
export const useCursorId = () => useQueueStore((s) => s.cursorId);
/** The queue's UI actions. */
export const useQueueActions = () => useQueueStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetQueueStore = () => useQueueStore.getState().actions.reset();
