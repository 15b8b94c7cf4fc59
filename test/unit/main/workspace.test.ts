import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-store imports electron, whose binary cannot run here; with an absolute cwd it needs nothing of it.
vi.mock('electron', () => ({ default: {} }));
const { default: Store } = await import('electron-store');
const { createWorkspaceStore } = await import('../../../main/settings-store.ts');
const { switchWorkspace } = await import('../../../main/workspace.ts');

const open = (dir: string) => new Store<Record<string, unknown>>({ cwd: dir, name: 'dutydesk' });

describe('workspace store (real electron-store file)', () => {
  it('is the demo until the own workspace is chosen, and remembers the choice across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-workspace-'));
    expect(createWorkspaceStore(open(dir)).get()).toBe('demo');
    createWorkspaceStore(open(dir)).set('own');
    expect(createWorkspaceStore(open(dir)).get()).toBe('own');
  });

  it('reads an unknown value as the demo and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-workspace-'));
    writeFileSync(join(dir, 'dutydesk.json'), JSON.stringify({ workspace: 'mars' }));
    const warn = vi.fn();
    expect(createWorkspaceStore(open(dir), warn).get()).toBe('demo');
    expect(warn).toHaveBeenCalledWith('The remembered workspace "mars" is unknown; using the demo workspace.');
  });
});

describe('switchWorkspace', () => {
  const deps = (current: 'demo' | 'own' | null) => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-workspace-'));
    return { current, workspaces: createWorkspaceStore(open(dir)), tokens: { clear: vi.fn() }, restart: vi.fn() };
  };

  it('remembers the other workspace, forgets the token and restarts the app', () => {
    const d = deps('demo');
    expect(switchWorkspace('own', d)).toBeNull();
    expect(d.workspaces.get()).toBe('own');
    expect(d.tokens.clear).toHaveBeenCalledOnce();
    expect(d.restart).toHaveBeenCalledOnce();
  });

  it('does nothing when already there', () => {
    const d = deps('own');
    d.workspaces.set('own');
    switchWorkspace('own', d);
    expect(d.tokens.clear).not.toHaveBeenCalled();
    expect(d.restart).not.toHaveBeenCalled();
  });

  it('is refused when the app uses a team server, changing nothing', () => {
    const d = deps(null);
    expect(() => switchWorkspace('own', d)).toThrow('this app uses a team server');
    expect(d.workspaces.get()).toBe('demo');
    expect(d.restart).not.toHaveBeenCalled();
  });
});
