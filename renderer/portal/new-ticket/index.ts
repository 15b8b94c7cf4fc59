/** The portal's new-ticket page (docs/portal.md): kind with its promise, subject, text, language, and similar open tickets. */
export { NewTicketPage } from './new-ticket-page.tsx';
