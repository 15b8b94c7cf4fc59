/**
 * Who may administer DutyDesk: one rule for the service's admin routes (`config: { roles }`) and
 * the console's write controls. Admins change people, clients and the calendar and read the admin
 * audit; managers read people and clients; agents and customers neither.
 */
import type { Role, User } from '../model/index.ts';

/** The roles that change people, clients and customers and read the admin audit. */
export const ADMINISTRATORS: readonly Role[] = ['admin'];
/** The roles that read people, clients and customers (no changes). */
export const ADMINISTRATION_READERS: readonly Role[] = ['manager', 'admin'];

/** Whether `user` may make administrative changes. */
export function mayAdminister(user: User): boolean {
  return user.kind === 'agent' && ADMINISTRATORS.includes(user.role);
}

/** Whether `user` may read the administration screens (people, clients, customers). */
export function mayReadAdministration(user: User): boolean {
  return user.kind === 'agent' && ADMINISTRATION_READERS.includes(user.role);
}

/** The roles that create, edit and delete canned replies (every agent reads them). */
export const CANNED_REPLY_EDITORS: readonly Role[] = ['manager', 'admin'];

/** Whether `user` may create, edit and delete canned replies. */
export function mayEditCannedReplies(user: User): boolean {
  return user.kind === 'agent' && CANNED_REPLY_EDITORS.includes(user.role);
}
