import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The renderer's web preferences: sandboxed, isolated, no Node (Electron security checklist). */
export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Only these permissions are ever granted to the renderer. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Links the user may open in the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Denies every permission but notifications. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/** The window never navigates away or opens windows; allowed links go to the system browser. */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
}
