/** The administration feature's public surface: the screen (people, clients and customers, the audit log) and its open state. */
import { lazy } from 'react';

/** The screen, loaded when first opened: only admins and managers open it. */
export const AdminScreen = lazy(async () => ({ default: (await import('./admin-screen.tsx')).AdminScreen }));
export { adminAgentKeys, adminAuditKeys, adminClientKeys, adminCustomerKeys, adminTelegramKeys } from './queries.ts';
export { resetAdminStore, useAdminActions, useAdminOpen } from './store.ts';
