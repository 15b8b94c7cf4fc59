import { extname, join, normalize, sep } from 'node:path';

/** The renderer is served from app://console/, never from file:// (Electron security checklist). */
export const APP_SCHEME = 'app';
/** The host part of the renderer's URLs. */
export const APP_HOST = 'console';
/** The renderer's start page. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The file an app:// URL names inside `root`, or null for another host or a path that escapes root. */
export function resolveAppAsset(url: string, root: string): { path: string; type: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  return { path, type: MIME[extname(path)] ?? 'application/octet-stream' };
}

/** Whether an IPC message comes from our own page: the app:// origin, in the main frame. */
export function isTrustedFrame(frame: { readonly url: string; readonly parent: unknown } | null | undefined): boolean {
  if (frame === null || frame === undefined || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
