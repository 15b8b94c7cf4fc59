// What bench/console-frames.bench.ts runs inside the console's page (page.evaluate serializes the
// function: it must use nothing from outside its own body).

/** One long animation frame (Chromium's 'long-animation-frame' entries: frames over 50 ms), with its longest scripts. */
export interface LongFrame {
  readonly start: number;
  readonly duration: number;
  readonly blockingDuration: number;
  readonly renderMs: number;
  readonly scripts: readonly { readonly invoker: string; readonly source: string; readonly duration: number }[];
}

/** What one recording saw. */
export interface Recording {
  /** requestAnimationFrame timestamps: each frame's begin time. */
  readonly timestamps: readonly number[];
  /** Per frame, from its begin time to a task queued in its rAF callback running: the main thread's time for that frame (events, scroll, script, style, layout, paint). */
  readonly workMs: readonly number[];
  readonly longFrames: readonly LongFrame[];
  /** The most and fewest queue rows in the DOM at once (sampled every 10 frames). */
  readonly rowsInDom: { readonly min: number; readonly max: number };
  /** How far the grid scrolled, in px (0 when not scrolling). */
  readonly scrolledPx: number;
}

/**
 * Records `ms` of frames. With `scrollStepPx` > 0 it scrolls the queue grid by that many pixels in
 * every frame (its scrollTop, on the main thread, as a wheel without threaded scrolling would),
 * turning at either end.
 */
export function recordFrames({ ms, scrollStepPx }: { ms: number; scrollStepPx: number }): Promise<Recording> {
  return new Promise((resolve, reject) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    if (grid === null) {
      reject(new Error('no queue grid on the page'));
      return;
    }
    const rows = (): number => grid.querySelectorAll('[role="row"][id^="queue-row-"]').length;
    const timestamps: number[] = [];
    const workMs: number[] = [];
    const longFrames: LongFrame[] = [];
    const rowsInDom = { min: rows(), max: rows() };
    let scrolledPx = 0;
    let direction = 1;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e = entry as PerformanceEntry & { blockingDuration?: number; renderStart?: number; scripts?: readonly { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[] };
        longFrames.push({
          start: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration ?? 0,
          renderMs: e.renderStart === undefined || e.renderStart === 0 ? 0 : e.startTime + e.duration - e.renderStart,
          scripts: [...(e.scripts ?? [])].sort((a, b) => b.duration - a.duration).slice(0, 3).map((s) => ({ invoker: s.invoker, source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.replace(/^.*\//, '')}`, duration: s.duration })),
        });
      }
    });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) observer.observe({ type: 'long-animation-frame' });
    // A message posted in a rAF callback runs as the next task, after that frame's style, layout and paint.
    const channel = new MessageChannel();
    const begins: number[] = [];
    channel.port1.onmessage = () => {
      const begin = begins.shift();
      if (begin !== undefined) workMs.push(performance.now() - begin);
    };
    let end = Number.POSITIVE_INFINITY;
    const frame = (ts: number): void => {
      if (end === Number.POSITIVE_INFINITY) end = ts + ms;
      timestamps.push(ts);
      begins.push(ts);
      channel.port2.postMessage(0);
      if (timestamps.length % 10 === 0) {
        const n = rows();
        rowsInDom.min = Math.min(rowsInDom.min, n);
        rowsInDom.max = Math.max(rowsInDom.max, n);
      }
      if (scrollStepPx > 0) {
        const bottom = grid.scrollHeight - grid.clientHeight;
        if ((direction > 0 && grid.scrollTop >= bottom) || (direction < 0 && grid.scrollTop <= 0)) direction = -direction;
        const before = grid.scrollTop;
        grid.scrollTop = before + direction * scrollStepPx;
        scrolledPx += Math.abs(grid.scrollTop - before);
      }
      if (ts < end) requestAnimationFrame(frame);
      else {
        // Let the last frame's message and any buffered long-frame entries arrive.
        setTimeout(() => {
          for (const entry of observer.takeRecords()) longFrames.push({ start: entry.startTime, duration: entry.duration, blockingDuration: 0, renderMs: 0, scripts: [] });
          observer.disconnect();
          resolve({ timestamps, workMs, longFrames, rowsInDom, scrolledPx });
        }, 200);
      }
    };
    requestAnimationFrame(frame);
  });
}
