/** The own-account feature's public surface: password and other sessions (settings), the temporary-password screen and its watch. */
export { AccountSettings } from './account-settings.tsx';
export { ChoosePasswordScreen } from './choose-password-screen.tsx';
export { accountKeys } from './queries.ts';
