import { describe, expect, it } from 'vitest';
import { deviceOf } from '../../../../../renderer/features/account/user-agent.ts';

describe('where a session was opened', () => {
  it('names the browser and the system a person knows', () => {
    expect(deviceOf('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox, Linux');
    expect(deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Edge, Windows');
    expect(deviceOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe('Safari, macOS');
    expect(deviceOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) dutydesk/0.1.0 Chrome/140.0.0.0 Electron/45.0.0 Safari/537.36')).toBe('DutyDesk, Linux');
  });

  it('keeps an unknown header as it is (shortened), and says nothing when there was none', () => {
    expect(deviceOf('node')).toBe('node');
    expect(deviceOf('x'.repeat(200))).toHaveLength(80);
    expect(deviceOf(null)).toBeNull();
    expect(deviceOf('  ')).toBeNull();
  });
});
