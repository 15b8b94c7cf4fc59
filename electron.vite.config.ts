import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer from './vite.renderer.config.ts';

export default defineConfig({
  main: { build: { outDir: 'out/main', rollupOptions: { input: resolve(import.meta.dirname, 'main/index.ts') } } },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed renderer only loads a single CommonJS preload (docs/architecture.md, Build).
      rollupOptions: { input: resolve(import.meta.dirname, 'preload/index.ts'), output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer,
});
