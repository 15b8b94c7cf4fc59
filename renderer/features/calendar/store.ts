import { create } from 'zustand';

interface CalendarUiState {
  readonly open: boolean;
  readonly actions: {
    calendarOpened(): void;
    calendarClosed(): void;
    reset(): void;
  };
}

const useCalendarStore = create<CalendarUiState>()((set) => ({
  open: false,
  actions: {
    calendarOpened: () => set({ open: true }),
    calendarClosed: () => set({ open: false }),
    reset: () => set({ open: false }),
  },
}));

/** Whether the support calendar screen is open. */
export const useCalendarOpen = () => useCalendarStore((s) => s.open);
/** Opens and closes the support calendar screen. */
export const useCalendarActions = () => useCalendarStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetCalendarStore = () => useCalendarStore.getState().actions.reset();
