import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvironmentError, readEnvironment } from '../../functions/common/environment.js';
import { defineManifest, TABLE_NAME } from '../../functions/common/function-manifest.js';
import { MANIFESTS } from '../../functions/manifests.js';
import { manifest as notifyApprovers } from '../../functions/notify-approvers/manifest.js';
import { manifest as publishReport } from '../../functions/publish-report/manifest.js';

describe('Function manifests', () => {
  it('lists one manifest for every function folder, named after it', () => {
    // Prepare
    const folders = readdirSync('functions', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`functions/${entry.name}/handler.ts`))
      .map((entry) => entry.name)
      .sort();
    // Assess
    expect(MANIFESTS.map((m) => m.name).sort()).toEqual(folders);
    for (const name of folders) expect(existsSync(`functions/${name}/manifest.ts`)).toBe(true);
  });

  it('reads a typed environment holding only what the manifest declares', () => {
    // Act
    const env = readEnvironment(publishReport, {
      TABLE_NAME: 't',
      INCOMING_BUCKET: 'i',
      PUBLISHED_BUCKET: 'p',
      SITE_URL: 's',
      OTHER: 'not declared',
    });
    // Assess
    expect(env).toEqual({
      TABLE_NAME: 't',
      INCOMING_BUCKET: 'i',
      PUBLISHED_BUCKET: 'p',
      SITE_URL: 's',
    });
  });

  it('fails at init naming the function and every missing variable', () => {
    // Act
    const read = () => readEnvironment(publishReport, { TABLE_NAME: 't', INCOMING_BUCKET: '' });
    // Assess
    expect(read).toThrow(EnvironmentError);
    expect(read).toThrow(
      /^publish-report: environment variables INCOMING_BUCKET, PUBLISHED_BUCKET/,
    );
  });

  it('leaves an optional variable out when it is not set', () => {
    // Prepare
    const manifest = defineManifest({
      ...notifyApprovers,
      environment: { TABLE_NAME, EXTRA: { from: { setting: 'agencies' }, optional: true } },
    });
    // Act
    const without = readEnvironment(manifest, { TABLE_NAME: 't' });
    const withIt = readEnvironment(manifest, { TABLE_NAME: 't', EXTRA: 'x' });
    // Assess
    expect(without).toEqual({ TABLE_NAME: 't' });
    expect(withIt).toEqual({ TABLE_NAME: 't', EXTRA: 'x' });
  });

  it("gives notify-approvers its webhook secret's ARN, never a webhook URL", () => {
    // Assess
    expect(notifyApprovers.environment).toHaveProperty('NOTIFY_WEBHOOK_SECRET_ARN', {
      from: { resource: 'notify-webhook-secret', attribute: 'arn' },
    });
    expect(Object.keys(notifyApprovers.environment).join()).not.toMatch(/WEBHOOK_URL/);
    expect(() => readEnvironment(notifyApprovers, {})).toThrow(/NOTIFY_WEBHOOK_SECRET_ARN/);
  });
});
