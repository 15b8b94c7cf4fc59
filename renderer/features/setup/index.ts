/** The first start's public surface: the setup screen, whether the service waits for it, and the desktop's workspace switch. */
export { setupKeys, setupQueries } from './queries.ts';
export { SetupScreen } from './setup-screen.tsx';
export { WorkspaceSwitch } from './workspace-switch.tsx';
