/**
 * The template's Secrets Manager secrets, created in the local stand-in as
 * CloudFormation would create them (with the template's value, if any; the
 * notifier's webhook secret has none), and each one's Ref (its ARN) made
 * known to the rest of the local stack: the functions' environment and the
 * IAM front's policies name secrets by it.
 */

import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { LOCAL_CREDENTIALS } from './embedded-services.js';
import type { LocalResources } from './local-resources.js';
import { type CfnTemplate, LOCAL_STAGE, resourcesOfType } from './local-template.js';

export interface TemplateSecrets {
  /** Logical id → the secret's ARN. */
  arns: Map<string, string>;
  /** Puts a value into the template's secret whose logical id contains `part`. */
  put(part: string, value: string): Promise<void>;
  close(): void;
}

export async function createTemplateSecrets(
  template: CfnTemplate,
  resources: LocalResources,
  endpoint: string,
  region: string,
): Promise<TemplateSecrets> {
  // The operator's own key: creating the stack's secrets is CloudFormation's work, not a function's.
  const client = new SecretsManagerClient({ region, endpoint, credentials: LOCAL_CREDENTIALS });
  const arns = new Map<string, string>();
  for (const [id, secret] of resourcesOfType(template, 'AWS::SecretsManager::Secret')) {
    const properties = secret.Properties ?? {};
    // CloudFormation names an unnamed secret after its logical id.
    const name = String(properties.Name ?? `acm-report-${LOCAL_STAGE}-${id}`);
    const { ARN } = await client.send(
      new CreateSecretCommand({
        Name: name,
        ...(typeof properties.Description === 'string'
          ? { Description: properties.Description }
          : {}),
        ...(typeof properties.SecretString === 'string'
          ? { SecretString: properties.SecretString }
          : {}),
      }),
    );
    arns.set(id, String(ARN));
    resources.defined.set(id, String(ARN));
  }
  return {
    arns,
    async put(part, value) {
      const id = [...arns.keys()].find((logicalId) => logicalId.includes(part));
      if (!id) throw new Error(`no secret ${part} in the template`);
      await client.send(new PutSecretValueCommand({ SecretId: arns.get(id), SecretString: value }));
    },
    close: () => client.destroy(),
  };
}
