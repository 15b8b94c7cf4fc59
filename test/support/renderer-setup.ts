/** Shared set-up of renderer tests: clean DOM, reset stores, a layout for the virtualized grid (jsdom has none). */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetAdminStore } from '../../renderer/features/admin/index.ts';
import { resetAvailabilityStore } from '../../renderer/features/availability/index.ts';
import { resetCalendarStore } from '../../renderer/features/calendar/index.ts';
import { resetCannedStore } from '../../renderer/features/canned/index.ts';
import { resetConnectionStore } from '../../renderer/features/connection/store.ts';
import { resetOnCallStore } from '../../renderer/features/oncall/index.ts';
import { resetOutageStore } from '../../renderer/features/outages/index.ts';
import { resetQueueStore } from '../../renderer/features/queue/store.ts';
import { resetSettingsUi } from '../../renderer/features/settings/store.ts';
import { resetTicketStore } from '../../renderer/features/ticket/store.ts';

/** Installs the hooks; call at the top of a renderer test file. */
export function setUpRendererTests(): void {
  beforeEach(() => {
    // The virtualizer sizes its window from clientHeight; jsdom lays nothing out.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(640);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });
  afterEach(() => {
    cleanup();
    resetQueueStore();
    resetOnCallStore();
    resetAvailabilityStore();
    resetCalendarStore();
    resetCannedStore();
    resetAdminStore();
    resetOutageStore();
    resetTicketStore();
    resetConnectionStore();
    resetSettingsUi();
    vi.useRealTimers();
  });
}
