/** The support calendar feature's public surface: the editor screen (admins edit, every agent reads), its open state and query keys (calendar.changed refreshes them). */
import { lazy } from 'react';

/** The editor, loaded when first opened: not part of the console's first screen. */
export const CalendarScreen = lazy(async () => ({ default: (await import('./calendar-screen.tsx')).CalendarScreen }));
export { calendarKeys } from './queries.ts';
export { resetCalendarStore, useCalendarActions, useCalendarOpen } from './store.ts';
