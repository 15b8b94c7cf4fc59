/**
 * The console's Content-Security-Policy, the same for the desktop app (app://console) and the
 * browser console served by the service: its own scripts only, no plugins, no framing; it talks
 * only to its own origin (in the browser, HTTP and WebSocket to the service).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];
export const CONSOLE_CSP = DIRECTIVES.join('; ');

/**
 * The same policy as a page's meta tag, which keeps it in a saved copy of the page: without
 * `frame-ancestors`, which browsers honour only as a header and otherwise warn about on every load.
 */
export const CONSOLE_CSP_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
