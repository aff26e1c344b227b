import { describe, expect, it } from 'vitest';
import {
  executionNameFor,
  movesCurrentForward,
  nextVersion,
} from '../../shared/workflow/submission-version.js';
import { parseUploadKey, uploadKey } from '../../shared/workflow/upload-key.js';

const source = { key: 'incoming/opdc/2566-h1/1/planning/u', etag: 'abc' };

describe('Submission versions', () => {
  it('claims version 1 for the first upload of an item', () => {
    expect(nextVersion(undefined, source)).toEqual({ kind: 'claim', version: 1 });
  });

  it('claims the next number after the latest version', () => {
    const latest = { version: 3, source: { ...source, etag: 'other' } } as never;
    expect(nextVersion(latest, source)).toEqual({ kind: 'claim', version: 4 });
  });

  it('recognises a replayed event of the object that made the latest version', () => {
    const latest = { version: 3, source: { ...source, etag: '"abc"' } } as never;
    expect(nextVersion(latest, source)).toEqual({ kind: 'replay', version: 3 });
  });

  it('moves the current pointer forward only', () => {
    expect(movesCurrentForward(undefined, 1)).toBe(true);
    expect(movesCurrentForward(2, 3)).toBe(true);
    expect(movesCurrentForward(3, 3)).toBe(false);
    expect(movesCurrentForward(3, 2)).toBe(false);
  });

  it('derives the execution name from the version, within Step Functions limits', () => {
    const ref = {
      agencyId: 'opdc',
      roundId: '2566-h1',
      itemNo: 4,
      division: 'planning',
      version: 2,
    };
    expect(executionNameFor(ref)).toBe('opdc-2566-h1-4-v2');
    const long = executionNameFor({ ...ref, agencyId: 'a'.repeat(64) });
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(long).not.toBe(executionNameFor({ ...ref, agencyId: `${'a'.repeat(63)}b` }));
  });
});

describe('Upload keys', () => {
  const target = {
    agencyId: 'opdc',
    roundId: '2566-h1',
    itemNo: 12,
    division: 'div-planning',
    uploadId: '0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
  };

  it('round-trips a key through the S3 event encoding', () => {
    const key = uploadKey(target);
    expect(key).toBe('incoming/opdc/2566-h1/12/div-planning/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c');
    expect(parseUploadKey(encodeURIComponent(key).replace(/%2F/g, '/'))).toEqual(target);
  });

  it.each([
    'incoming/opdc/2566-h1/12/div-planning/../../x',
    'incoming/OPDC/2566-h1/12/div-planning/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
    'incoming/opdc/2566-h2/12/div-planning/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
    'incoming/opdc/2566-h1/0/div-planning/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
    'results/opdc/2566-h1/12/div-planning/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c.json',
    'incoming/opdc/2566-h1/12/div%2Fplanning/0b6f1c7e-2d4a-4f8b-9c3e-5a7d9e1f3b2c',
    'incoming/opdc/2566-h1/12/div-planning/%E0%A4%A',
  ])('refuses %s', (key) => {
    expect(parseUploadKey(key)).toBeUndefined();
  });
});
