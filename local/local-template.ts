/**
 * The CloudFormation template of the very stack `npx cdk deploy` deploys,
 * synthesised in-process for the local run (bundling skipped: locally the
 * handlers run from source), and the reading of its intrinsic functions
 * against local resources.
 */

import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { ManifestCatalog } from '../functions/manifests.js';
import { AcmReportStack } from '../infra/acm-report-stack.js';

export const LOCAL_STAGE = 'local';
export const LOCAL_ACCOUNT = '000000000000';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
}

/** The origin a stack without the portal allows: loopback, which no browser page of ours serves. */
export const NO_PORTAL_ORIGIN = 'http://127.0.0.1';

export function synthesiseLocalTemplate(
  region: string,
  agencies: string[],
  portalOrigins: string[] = [NO_PORTAL_ORIGIN],
  manifests?: ManifestCatalog,
): CfnTemplate {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new AcmReportStack(app, `AcmReport-${LOCAL_STAGE}`, {
    stage: LOCAL_STAGE,
    agencies,
    portalOrigins,
    env: { account: LOCAL_ACCOUNT, region },
    ...(manifests ? { manifests } : {}),
  });
  return Template.fromStack(stack).toJSON() as CfnTemplate;
}

export function resourcesOfType(template: CfnTemplate, type: string): Array<[string, CfnResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** What each logical id stands for locally. */
export interface LocalNames {
  ref(logicalId: string): string;
  getAtt(logicalId: string, attribute: string): string;
}

/** Resolves Ref, Fn::GetAtt, Fn::Join and Fn::Sub (without variables map) against local names. */
export function resolveIntrinsics(value: unknown, names: LocalNames): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, names));
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return names.ref(node.Ref);
  if (Array.isArray(node['Fn::GetAtt'])) {
    const [id, attribute] = node['Fn::GetAtt'] as [string, string];
    return names.getAtt(id, attribute);
  }
  if (Array.isArray(node['Fn::Join'])) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => String(resolveIntrinsics(p, names))).join(separator);
  }
  if (typeof node['Fn::Sub'] === 'string') {
    return (node['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const [id, attribute] = name.split('.');
      return attribute ? names.getAtt(id ?? '', attribute) : names.ref(id ?? '');
    });
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveIntrinsics(v, names)]));
}
