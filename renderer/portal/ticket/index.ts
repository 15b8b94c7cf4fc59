/** One ticket in the portal (`#/tickets/:id`) and its clock in words. */
export { TicketPage } from './ticket-page.tsx';
export { clockWords, type ClockTone, type ClockWords } from './clock-words.ts';
