import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { CONSOLE_CSP_META } from './shared/csp.ts';

/**
 * Writes the console's one CSP (shared/csp.ts, also the header of app://console and of the service)
 * into the built pages (console and portal) as their first head element, so a copy of the page keeps the policy. Build
 * only: the dev server injects styles inline, which the policy forbids.
 */
export function cspMetaTag(): Plugin {
  return {
    name: 'dutydesk-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONSOLE_CSP_META }, injectTo: 'head-prepend' }],
    },
  };
}

/** The renderer build, shared by the desktop app (electron-vite) and the browser console. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // Minified in every production build: electron-vite (npm run build: the desktop app and what the
    // service serves) leaves its renderer unminified unless told, unlike plain `vite build`. No source
    // maps ship: the installer and the service's /assets hold only what runs (docs/architecture.md, Build).
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      // The console, and the customer portal the service serves at /portal (docs/portal.md).
      input: { index: resolve(import.meta.dirname, 'renderer/index.html'), portal: resolve(import.meta.dirname, 'renderer/portal.html') },
      // React, TanStack, luxon and zod change less often than the console: their own chunks.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            // The chart library and what only it uses: loaded with the availability screen, not at start.
            { name: 'charts', test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|clsx|react-is)[\\/]/, priority: 15 },
            // papaparse (CSV) only serves the admin and availability screens: it loads with them.
            { name: 'vendor', test: /node_modules[\\/](?!papaparse[\\/])/, priority: 10 },
          ],
        },
      },
    },
  },
});
