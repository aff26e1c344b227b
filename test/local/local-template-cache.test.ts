import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { synthesiseLocalTemplate } from '../../local/local-template.js';
import { cachedLocalTemplate, type Synthesise } from '../../local/local-template-cache.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'acm-template-cache-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for CDK that writes the URLs it is given where the real stack does, and counts its calls. */
function countingSynthesis(): Synthesise & { calls: number } {
  const synthesise: Synthesise = (_region, agencies, origins) => {
    counted.calls += 1;
    return {
      Resources: {
        Notifier: { Type: 'AWS::Lambda::Function', Properties: { agencies } },
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { AllowOrigins: origins } },
      },
    };
  };
  const counted = Object.assign(synthesise, { calls: 0 });
  return counted;
}

const inputs = (portalPort: number) => ({
  region: 'ap-southeast-1',
  agencies: ['opdc'],
  portalOrigins: [`http://127.0.0.1:${portalPort}`],
});

describe('Function: cachedLocalTemplate', () => {
  it('synthesises once and serves later stacks, on other ports, from the cache', () => {
    // Prepare
    const dir = freshDir();
    const synthesise = countingSynthesis();
    // Act
    const first = cachedLocalTemplate(inputs(5001), synthesise, dir, 'sources-a');
    const second = cachedLocalTemplate(inputs(5002), synthesise, dir, 'sources-a');
    // Assess
    expect(synthesise.calls).toBe(1);
    expect([first.fromCache, second.fromCache]).toEqual([false, true]);
    expect(second.template.Resources.Api?.Properties?.AllowOrigins).toEqual([
      'http://127.0.0.1:5002',
    ]);
    expect(first.template.Resources.Api?.Properties?.AllowOrigins).toEqual([
      'http://127.0.0.1:5001',
    ]);
  });

  it('synthesises afresh when a source or an option that shapes the template changes', () => {
    const dir = freshDir();
    const synthesise = countingSynthesis();
    cachedLocalTemplate(inputs(5001), synthesise, dir, 'sources-a');
    cachedLocalTemplate(inputs(5001), synthesise, dir, 'sources-b');
    cachedLocalTemplate(
      { ...inputs(5001), agencies: ['opdc', 'other'] },
      synthesise,
      dir,
      'sources-b',
    );
    const withoutPortal = cachedLocalTemplate(
      { region: 'ap-southeast-1', agencies: ['opdc'] },
      synthesise,
      dir,
      'sources-b',
    );
    expect(synthesise.calls).toBe(4);
    expect(withoutPortal.template.Resources.Api?.Properties?.AllowOrigins).toBeUndefined();
  });

  it('gives the very template CDK synthesises for the same URLs', () => {
    const given = inputs(43124);
    const cached = cachedLocalTemplate(given, synthesiseLocalTemplate, freshDir(), 'sources-a');
    const direct = synthesiseLocalTemplate(given.region, given.agencies, given.portalOrigins);
    expect(JSON.stringify(cached.template)).toContain(given.portalOrigins[0]);
    expect(cached.template).toEqual(direct);
  }, 180_000);
});
