/** The own-account feature's public surface: password and other sessions (settings), the temporary-password screen and its watch. */
import { lazy } from 'react';

export { AccountSettings } from './account-settings.tsx';
/** The temporary-password screen, loaded only for an account that must choose its password. */
export const ChoosePasswordScreen = lazy(async () => ({ default: (await import('./choose-password-screen.tsx')).ChoosePasswordScreen }));
export { accountKeys } from './queries.ts';
