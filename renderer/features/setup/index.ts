/** The first start's public surface: the setup screen, whether the service waits for it, and the desktop's workspace switch. */
import { lazy } from 'react';

export { setupKeys, setupQueries } from './queries.ts';
/** The setup screen, loaded only while the service waits for its first start. */
export const SetupScreen = lazy(async () => ({ default: (await import('./setup-screen.tsx')).SetupScreen }));
export { WorkspaceSwitch } from './workspace-switch.tsx';
