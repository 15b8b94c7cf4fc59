import { describe, expect, it } from 'vitest';
import { trayStatus } from '../../../main/tray-status.ts';

describe('trayStatus', () => {
  it('counts breached and at-risk tickets in the title, badge and tooltip', () => {
    const status = trayStatus({ breached: 2, atRisk: 3 }, 'en');
    expect(status.title).toBe('(5) DutyDesk');
    expect(status.badge).toBe(5);
    expect(status.tooltip).toMatch(/2 breached, 3 at risk/);
  });

  it('is plain when nothing needs attention', () => {
    expect(trayStatus({ breached: 0, atRisk: 0 }, 'ru')).toMatchObject({ title: 'DutyDesk', badge: 0 });
  });
});
