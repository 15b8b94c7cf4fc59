/** The on-call feature's public surface: on-call mode (banner, queue narrowing, my on-call right) and the roster screen. */
export { mustHandleNow, ON_CALL_VIEW } from './handle-now.ts';
export { OnCallBanner } from './on-call-banner.tsx';
export { onCallKeys } from './queries.ts';
export { RosterScreen } from './roster-screen.tsx';
export { When } from './when.tsx';
export { resetOnCallStore, useOnCallActions, useRosterOpen } from './store.ts';
export { useOnCall, type OnCallState } from './use-on-call.ts';
