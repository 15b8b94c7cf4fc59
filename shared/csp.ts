/**
 * The console's Content-Security-Policy, the same for the desktop app (app://console) and the
 * browser console served by the service: its own scripts only, no plugins, no framing; it talks
 * only to its own origin (in the browser, HTTP and WebSocket to the service).
 */
export const CONSOLE_CSP = [
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
].join('; ');
