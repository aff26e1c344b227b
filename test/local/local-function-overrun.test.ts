/**
 * A local function that runs past its timeout is named on stderr, once, with
 * what it was invoked for; one that answers in time says nothing.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LocalFunction, reportOverrun } from '../../local/local-functions.js';

const fn = { name: 'acm-report-local-get-version', timeoutSeconds: 10 } as LocalFunction;
const event = {
  routeKey: 'GET /agencies/{agencyId}/rounds/{roundId}/items/{itemNo}/versions/{version}',
  rawPath: '/agencies/opdc/rounds/2566-fy/items/3/versions/1',
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reportOverrun', () => {
  it('names the function and its route once it has run past its timeout', () => {
    vi.useFakeTimers();
    const written = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    reportOverrun(fn, event);
    vi.advanceTimersByTime(9_999);
    expect(written).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(written).toHaveBeenCalledTimes(1);
    const line = String(written.mock.calls[0]?.[0]);
    expect(line).toContain('acm-report-local-get-version has run past its 10 s timeout');
    expect(line).toContain(`${event.routeKey} ${event.rawPath}`);
    vi.advanceTimersByTime(60_000);
    expect(written).toHaveBeenCalledTimes(1);
  });

  it('says what a batch was, and nothing for a function that answered in time', () => {
    vi.useFakeTimers();
    const written = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    clearTimeout(reportOverrun(fn, event));
    vi.advanceTimersByTime(20_000);
    expect(written).not.toHaveBeenCalled();
    reportOverrun(fn, { Records: [{}, {}] });
    vi.advanceTimersByTime(10_000);
    expect(String(written.mock.calls[0]?.[0])).toContain('on 2 record(s)');
  });
});
