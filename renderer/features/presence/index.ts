/** The presence feature's public surface: who else has a ticket open or types a reply (the queue row's mark, the workspace's line), the sync with the service and the composer's typing signal. */
export { PresenceMark } from './presence-mark.tsx';
export { resetPresenceStore } from './store.ts';
export { TicketPresence } from './ticket-presence.tsx';
export { usePresenceSync } from './use-presence-sync.ts';
export { useTypingSignal } from './use-typing.ts';
