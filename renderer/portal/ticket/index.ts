/** One ticket in the portal (`#/tickets/:id`) and its clock in words. */
import { lazy } from 'react';

/** The page, loaded when first opened: the list is the portal's first screen. */
export const TicketPage = lazy(async () => ({ default: (await import('./ticket-page.tsx')).TicketPage }));
export { clockWords, type ClockTone, type ClockWords } from './clock-words.ts';
