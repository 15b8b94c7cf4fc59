/** Canned replies: the composer's picker, the screen that lists and edits them, its open state and query keys. */
import { lazy } from 'react';

/** The editor screen, loaded when first opened (the composer's picker stays with the ticket). */
export const CannedScreen = lazy(async () => ({ default: (await import('./editor-screen.tsx')).CannedScreen }));
export { CannedPicker } from './picker.tsx';
export { cannedKeys } from './queries.ts';
export { resetCannedStore, useCannedActions, useCannedOpen } from './store.ts';
