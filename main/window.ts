import { BrowserWindow } from 'electron';
import { APP_URL } from './app-protocol.ts';
import { secureWebPreferences } from './security.ts';

/** The one console window. Closing it hides it to the tray, so notifications keep coming. */
export function createMainWindow(options: { preload: string; icon: string; show: boolean; isQuitting: () => boolean }): BrowserWindow {
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
  void window.loadURL(APP_URL);
  return window;
}

/** Brings the window to the front, restoring it from the tray or the taskbar. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
