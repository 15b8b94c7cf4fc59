/** The availability feature's public surface: the screen, its open state and its query keys (outage events refresh them). */
export { AvailabilityScreen } from './availability-screen.tsx';
export { availabilityKeys } from './queries.ts';
export { resetAvailabilityStore, useAvailabilityActions, useAvailabilityOpen } from './store.ts';
