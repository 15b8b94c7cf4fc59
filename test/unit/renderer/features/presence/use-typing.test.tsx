// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetPresenceStore } from '../../../../../renderer/features/presence/index.ts';
import { useTypingOn } from '../../../../../renderer/features/presence/store.ts';
import { useTypingSignal } from '../../../../../renderer/features/presence/use-typing.ts';
import { TYPING_IDLE_MS } from '../../../../../shared/presence/index.ts';

/** The composer's typing signal and what the console would tell the service. */
function composer(ticketId: number, customerFacing = true) {
  return renderHook(() => ({ typed: useTypingSignal(ticketId, customerFacing), typingOn: useTypingOn() }));
}

describe('typing a reply', () => {
  afterEach(() => {
    resetPresenceStore();
    vi.useRealTimers();
  });

  it('lasts while keys are pressed and ends TYPING_IDLE_MS after the last one', () => {
    vi.useFakeTimers();
    const c = composer(5);
    act(() => c.result.current.typed('We'));
    expect(c.result.current.typingOn).toBe(5);
    act(() => vi.advanceTimersByTime(TYPING_IDLE_MS - 1));
    act(() => c.result.current.typed('We are'));
    act(() => vi.advanceTimersByTime(TYPING_IDLE_MS - 1));
    expect(c.result.current.typingOn).toBe(5);
    act(() => vi.advanceTimersByTime(1));
    expect(c.result.current.typingOn).toBeNull();
  });

  it('ends at once when the text is emptied or the composer goes; an internal note is no reply', () => {
    const c = composer(5);
    act(() => c.result.current.typed('Hello'));
    act(() => c.result.current.typed('  '));
    expect(c.result.current.typingOn).toBeNull();
    act(() => c.result.current.typed('Hello'));
    c.unmount();
    expect(composer(6).result.current.typingOn).toBeNull();
    const note = composer(7, false);
    act(() => note.result.current.typed('internal'));
    expect(note.result.current.typingOn).toBeNull();
  });
});
