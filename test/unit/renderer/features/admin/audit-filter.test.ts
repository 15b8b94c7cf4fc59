import { describe, expect, it } from 'vitest';
import { auditFilterOf, NO_AUDIT_FILTER } from '../../../../../renderer/features/admin/audit-filter.ts';

describe('the audit filter', () => {
  it('filters nothing when the form is empty', () => {
    expect(auditFilterOf(NO_AUDIT_FILTER, 'Europe/Kyiv')).toEqual({});
  });

  it('takes whole days in the support zone: from the first day\'s start to the start of the day after the last', () => {
    const filter = auditFilterOf({ actor: 7, action: 'agent_created', fromDay: '2026-03-28', toDay: '2026-03-29' }, 'Europe/Kyiv');
    // 28 March starts at 00:00 EET (UTC+2); summer time begins on the 29th, so the 30th starts at 00:00 EEST (UTC+3).
    expect(filter).toEqual({ actor: 7, action: 'agent_created', from: Date.parse('2026-03-27T22:00:00Z'), to: Date.parse('2026-03-29T21:00:00Z') });
  });
});
