/** Canned replies: the composer's picker, the screen that lists and edits them, its open state and query keys. */
export { CannedScreen } from './editor-screen.tsx';
export { CannedPicker } from './picker.tsx';
export { cannedKeys } from './queries.ts';
export { resetCannedStore, useCannedActions, useCannedOpen } from './store.ts';
