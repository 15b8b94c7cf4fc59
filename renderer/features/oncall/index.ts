/** The on-call feature's public surface: on-call mode (banner, queue narrowing, my on-call right) and the roster screen. */
import { lazy } from 'react';

export { mustHandleNow, ON_CALL_VIEW } from './handle-now.ts';
export { OnCallBanner } from './on-call-banner.tsx';
export { onCallKeys } from './queries.ts';
/** The roster screen, loaded when first opened: on-call mode itself (banner, narrowing) stays at start. */
export const RosterScreen = lazy(async () => ({ default: (await import('./roster-screen.tsx')).RosterScreen }));
export { When } from './when.tsx';
export { resetOnCallStore, useOnCallActions, useRosterOpen } from './store.ts';
export { useOnCall, type OnCallState } from './use-on-call.ts';
