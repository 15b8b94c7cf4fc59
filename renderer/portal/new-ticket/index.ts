/** The portal's new-ticket page (docs/portal.md): kind with its promise, subject, text, language, and similar open tickets. */
import { lazy } from 'react';

/** The page, loaded when first opened: the list is the portal's first screen. */
export const NewTicketPage = lazy(async () => ({ default: (await import('./new-ticket-page.tsx')).NewTicketPage }));
