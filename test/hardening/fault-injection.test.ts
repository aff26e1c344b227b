/**
 * Fault injection on the embedded stack (the same phases `npm run chaos`
 * runs, smaller): faults are injected into the requests the handlers make
 * to DynamoDB and S3; the queues, retries, dead-letter queues, redrive and
 * the state machine's retries are the real ones.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { type ChaosReport, runChaos } from '../../local/chaos/run-chaos.js';

let report: ChaosReport;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  report = await runChaos({
    poisonedUploads: 20,
    outageUploads: 10,
    outageMs: 2000,
    log: () => {},
  });
}, 240_000);

describe('Chaos: a crash between the published objects and the index', () => {
  it('failed the index write at least once', () => {
    expect(report.publishCrash.failedIndexWrites).toBeGreaterThan(0);
  });

  it('left the old index valid while publishing was failing', () => {
    const during = report.publishCrash.duringCrash;
    expect(during.newReportObjectsWritten).toBe(true);
    expect(during.entries).toBe(1);
    expect(during.listsNewReport).toBe(false);
    expect(during.broken).toEqual([]);
  });

  it('completed the publication on the retry once the fault was gone', () => {
    const after = report.publishCrash.afterRecovery;
    expect(after.entries).toBe(2);
    expect(after.listsNewReport).toBe(true);
    expect(after.broken).toEqual([]);
  });
});

describe('Chaos: intake throws for some records of a batch', () => {
  it('stored every other record of the batches at once, and the transient ones after retries', () => {
    const p = report.poisonedRecords;
    expect(p.transient).toBeGreaterThan(0);
    expect(p.storedBeforeRedrive).toBe(p.uploads - p.permanent);
  });

  it('dead-lettered exactly the records that failed every receive', () => {
    const p = report.poisonedRecords;
    expect(p.permanent).toBeGreaterThan(0);
    expect(p.deadLettered).toBe(p.permanent);
    // Each permanent record failed on all five receives (three SDK attempts each, or fewer once
    // the SDK's retry quota runs out); each transient one twice.
    expect(p.failedRequests).toBeGreaterThanOrEqual(p.permanent * 5 + p.transient * 2);
  });

  it('recovered the dead-lettered records with the redrive: count in = count stored', () => {
    const p = report.poisonedRecords;
    expect(p.redriven).toBe(p.permanent);
    expect(p.stored).toBe(p.uploads);
  });
});

describe('Chaos: the table unavailable for a while', () => {
  it('answered 503 with Retry-After to every request made during the outage', () => {
    const o = report.tableOutage;
    expect(o.unavailableAnswers).toBe(o.uploads / 2);
    expect(o.withRetryAfter).toBe(o.unavailableAnswers);
    expect(o.failedRequests).toBeGreaterThan(0);
  });

  it('stored every upload once the table was back: count in = count stored', () => {
    const o = report.tableOutage;
    expect(o.redriven).toBe(o.deadLettered);
    expect(o.stored).toBe(o.uploads);
  });
});

describe('Chaos: the whole run', () => {
  it('ends with count in = count stored, no failed execution and nothing dead-lettered', () => {
    expect(report.totals.stored).toBe(report.totals.uploadsIn);
    expect(report.totals.uploadsIn).toBe(30);
    expect(report.failedExecutions).toBe(0);
    expect(report.deadLetteredAtEnd).toBe(0);
  });
});
