import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL, isTrustedFrame, resolveAppAsset } from '../../../main/app-protocol.ts';
import { CONSOLE_CSP } from '../../../shared/csp.ts';

const root = '/opt/dutydesk/out/renderer';

describe('app:// protocol', () => {
  it('serves the renderer files with their content types', () => {
    expect(resolveAppAsset(APP_URL, root)).toEqual({ path: join(root, 'index.html'), type: 'text/html; charset=utf-8' });
    expect(resolveAppAsset('app://console/assets/index-abc.js', root)).toEqual({ path: join(root, 'assets/index-abc.js'), type: 'text/javascript; charset=utf-8' });
    expect(resolveAppAsset('app://console/', root)?.path).toBe(join(root, 'index.html'));
  });

  it('refuses paths that escape the renderer folder, other hosts and other schemes', () => {
    // URL parsing folds plain and %2e dot segments, so these stay inside the folder...
    expect(resolveAppAsset('app://console/../../etc/passwd', root)?.path).toBe(join(root, 'etc/passwd'));
    expect(resolveAppAsset('app://console/%2e%2e/%2e%2e/etc/passwd', root)?.path).toBe(join(root, 'etc/passwd'));
    // ...while encoded slashes would escape it after decoding: refused.
    expect(resolveAppAsset('app://console/..%2f..%2fsecret', root)).toBeNull();
    expect(resolveAppAsset('app://elsewhere/index.html', root)).toBeNull();
    expect(resolveAppAsset('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppAsset('not a url', root)).toBeNull();
  });

  it('sends a strict CSP: own scripts only, no plugins, no framing', () => {
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("object-src 'none'");
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
    expect(CONSOLE_CSP).not.toContain('unsafe-eval');
  });

  it('trusts IPC only from the console page in the main frame', () => {
    expect(isTrustedFrame({ url: 'app://console/index.html', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://console/index.html', parent: {} })).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'file:///tmp/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
  });
});
