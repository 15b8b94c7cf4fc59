import { BrowserWindow } from 'electron';
import { APP_URL } from './app-protocol.ts';
import { loadPage } from './page-load.ts';
import { secureWebPreferences } from './security.ts';

/**
 * The one console window. Closing it hides it to the tray, so notifications keep coming. A page
 * that will not load is retried, then `onLoadFailed` decides (main shows the error and quits).
 */
export function createMainWindow(options: { preload: string; icon: string; show: boolean; isQuitting: () => boolean; onLoadFailed: (error: unknown) => void }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    title: 'DutyDesk',
    icon: options.icon,
    show: false,
    webPreferences: secureWebPreferences(options.preload),
  });
  window.once('ready-to-show', () => {
    if (options.show) window.show();
  });
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
  void loadPage({
    load: () => window.loadURL(APP_URL),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: (message, error) => console.error(message, error),
    giveUp: options.onLoadFailed,
  });
  return window;
}

/** Brings the window to the front, restoring it from the tray or the taskbar. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
