/** The support calendar feature's public surface: the editor screen (admins edit, every agent reads), its open state and query keys (calendar.changed refreshes them). */
export { CalendarScreen } from './calendar-screen.tsx';
export { calendarKeys } from './queries.ts';
export { resetCalendarStore, useCalendarActions, useCalendarOpen } from './store.ts';
