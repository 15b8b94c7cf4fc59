import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { hardenContents, hardenSession, secureWebPreferences } from './security.ts';

// The desktop shell: one secure window over the renderer. The ticket service, tray and
// notifications arrive with the console (see docs/architecture.md).
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url)));

  await app.whenReady();
  hardenSession(session.defaultSession);
  window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'DutyDesk',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  await window.loadFile(join(app.getAppPath(), 'out/renderer/index.html'));
  app.on('window-all-closed', () => app.quit());
}
