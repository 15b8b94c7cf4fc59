import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The raw-IPC ban of eslint.config.js, run as `npm run lint` runs it, on code placed in main/.
const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

/** The no-restricted-syntax messages ESLint gives `code` as if it were `file`. */
async function banned(code: string, file = 'main/sneaky.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const BYPASSES: Record<string, string> = {
  'a named import': "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n",
  'a renamed import': "import { ipcMain as m } from 'electron';\nm.handle('x', () => 1);\n",
  'a default import': "import electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);\n",
  'a namespace import': "import * as electron from 'electron';\nelectron.ipcMain.on('x', () => {});\n",
  'a computed member': "import electron from 'electron';\nelectron['ipcMain'].handle('x', () => 1);\n",
  'destructuring the default import': "import electron from 'electron';\nconst { ipcMain } = electron;\nipcMain.handle('x', () => 1);\n",
  'destructuring with a new name': "import electron from 'electron';\nconst { ipcMain: m } = electron;\nm.handle('x', () => 1);\n",
  'require().ipcMain': "declare const require: (id: string) => typeof import('electron');\nrequire('electron').ipcMain.handle('x', () => 1);\n",
  'destructuring require()': "declare const require: (id: string) => typeof import('electron');\nconst { ipcMain } = require('electron');\nipcMain.handle('x', () => 1);\n",
  'a dynamic import': "const { ipcMain } = await import('electron');\nipcMain.handle('x', () => 1);\n",
  'a re-export': "export { ipcMain } from 'electron';\n",
  "a WebContents' own ipc": "import type { WebContents } from 'electron';\nexport const f = (w: WebContents) => w.ipc.handle('x', () => 1);\n",
  'ipcRenderer in the renderer': "declare const electron: { ipcRenderer: { send(c: string): void } };\nelectron.ipcRenderer.send('x');\n",
};

describe('the raw-IPC lint ban', () => {
  it.each(Object.entries(BYPASSES))('catches %s', async (name, code) => {
    const file = name === 'ipcRenderer in the renderer' ? 'renderer/sneaky.ts' : 'main/sneaky.ts';
    expect(await banned(code, file)).toContainEqual(expect.stringMatching(/raw ipcMain\/ipcRenderer are banned/));
  });

  it('lets the typed wrapper and the preload use raw IPC, as they must', async () => {
    for (const file of ['main/ipc.ts', 'preload/index.ts']) {
      const [result] = await eslint.lintText(readFileSync(join(root, file), 'utf8'), { filePath: join(root, file) });
      expect(result?.messages, file).toEqual([]);
    }
  });

  it('leaves other members named like it alone', async () => {
    expect(await banned("export const settings = { ipcTimeoutMs: 5 };\nexport const t = settings.ipcTimeoutMs;\n")).toEqual([]);
  });
});
