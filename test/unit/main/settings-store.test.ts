import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings } from '../../../shared/settings.ts';

// electron-store imports electron, whose binary cannot run here; with an absolute cwd it needs nothing of it.
vi.mock('electron', () => ({ default: {} }));
const { default: Store } = await import('electron-store');
const { createSettingsStore } = await import('../../../main/settings-store.ts');

const open = (dir: string) => new Store<Record<string, unknown>>({ cwd: dir, name: 'dutydesk' });

describe('settings store (real electron-store file)', () => {
  it('starts with the defaults and keeps changes across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-settings-'));
    const settings = createSettingsStore(open(dir), () => 1);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ language: 'uk', notifications: { slaWarning: false } });
    const again = createSettingsStore(open(dir), () => 1).get();
    expect(again.language).toBe('uk');
    expect(again.notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, slaWarning: false });
  });

  it('starts in the OS\'s language when support speaks it, until the agent chooses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-settings-'));
    const settings = createSettingsStore(open(dir), () => 1, () => undefined, defaultSettings(['ru-UA', 'en-US']));
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'ru' });
    settings.update({ language: 'en' });
    expect(createSettingsStore(open(dir), () => 1, () => undefined, defaultSettings(['ru-UA'])).get().language).toBe('en');
  });

  it('rejects a bad change and keeps what was there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-settings-'));
    const settings = createSettingsStore(open(dir), () => 1);
    settings.update({ language: 'ru' });
    expect(() => settings.update({ serverUrl: 'ftp://example.org' } as never)).toThrow(/http/);
    expect(settings.get().language).toBe('ru');
    expect(settings.get().serverUrl).toBeNull();
  });

  it('keeps an invalid settings file aside instead of losing it, and falls back to defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-settings-'));
    writeFileSync(join(dir, 'dutydesk.json'), JSON.stringify({ settings: { language: 'klingon' } }));
    const warn = vi.fn();
    const settings = createSettingsStore(open(dir), () => 42, warn);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/kept aside/));
    expect(JSON.parse(readFileSync(join(dir, 'dutydesk.json'), 'utf8'))).toEqual({ 'invalid-settings-42': { language: 'klingon' } });
  });
  it('keeps each agent\'s queue lens across restarts, and trims a stored lens an older or newer version wrote instead of resetting everything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-settings-'));
    const lens = { sort: { column: 'subject', direction: 'desc' }, filters: { assigneeId: 'none', language: 'uk' } } as const;
    createSettingsStore(open(dir), () => 1).update({ language: 'uk', queueLens: { 7: lens } });
    expect(createSettingsStore(open(dir), () => 1).get().queueLens).toEqual({ 7: lens });

    writeFileSync(join(dir, 'dutydesk.json'), JSON.stringify({ settings: { ...DEFAULT_SETTINGS, language: 'ru', queueLens: { 7: { sort: { column: 'priority', direction: 'asc' }, filters: { status: 'in_work', mood: 'calm' } } } } }));
    const warn = vi.fn();
    const settings = createSettingsStore(open(dir), () => 1, warn).get();
    expect(settings.language).toBe('ru');
    expect(settings.queueLens).toEqual({ 7: { sort: null, filters: { status: 'in_work' } } });
    expect(warn).not.toHaveBeenCalled();
  });
});
