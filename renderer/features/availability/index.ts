/** The availability feature's public surface: the screen, its open state and its query keys (outage events refresh them). */
import { lazy } from 'react';

/** The screen, loaded when first opened: the chart library is the largest part of the console and few open it. */
export const AvailabilityScreen = lazy(async () => ({ default: (await import('./availability-screen.tsx')).AvailabilityScreen }));
export { availabilityKeys } from './queries.ts';
export { resetAvailabilityStore, useAvailabilityActions, useAvailabilityOpen } from './store.ts';
