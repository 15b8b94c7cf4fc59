import { describe, expect, it } from 'vitest';
import { reportFatal } from '../../../main/fatal.ts';

describe('reportFatal', () => {
  it('logs the error, shows it in words and quits with a failure code', () => {
    const seen: unknown[] = [];
    const error = new Error('EADDRINUSE: the embedded service could not listen');
    reportFatal(error, {
      log: (message, e) => seen.push(['log', message, e]),
      showErrorBox: (title, content) => seen.push(['dialog', title, content]),
      exit: (code) => seen.push(['exit', code]),
    });
    expect(seen).toEqual([
      ['log', 'DutyDesk: fatal error in the main process', error],
      ['dialog', 'DutyDesk cannot continue', expect.stringMatching(/^EADDRINUSE: the embedded service could not listen\n\nThe details are in the log/)],
      ['exit', 1],
    ]);
  });

  it('still quits when the dialog cannot be shown', () => {
    const exits: number[] = [];
    expect(() => reportFatal('boom', { log: () => {}, showErrorBox: () => { throw new Error('no display'); }, exit: (c) => void exits.push(c) })).toThrow('no display');
    expect(exits).toEqual([1]);
  });
});
