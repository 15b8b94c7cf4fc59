import type { Bridge } from '../../shared/ipc/bridge.ts';
import { createElectronBridge, type PreloadApi } from './electron-bridge.ts';
import { browserEnv, createWebBridge } from './web-bridge.ts';

/** The desktop preload's API when the console runs in the desktop app, else the web bridge. */
export function pickBridge(win: Window): Bridge {
  if ('dutydesk' in win) return createElectronBridge((win as Window & { dutydesk: PreloadApi }).dutydesk);
  return createWebBridge(browserEnv());
}
