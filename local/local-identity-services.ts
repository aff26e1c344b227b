/**
 * SES and Cognito for the local stack, set up from the synthesised template:
 * a user pool with the template's custom attributes, groups and invitation
 * template; a client that allows password sign-in (locally only: the
 * deployed portal uses the hosted UI); the JWT authorizer for the local API.
 */

import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoPeopleAdmin } from '../shared/adapters/cognito-people-admin.js';
import { LOCAL_CREDENTIALS } from './embedded-services.js';
import { startLocalCognito } from './local-cognito.js';
import { type JwtAuthorizer, localJwtAuthorizer } from './local-jwt-authorizer.js';
import type { LocalResources } from './local-resources.js';
import { type LocalSes, startLocalSes } from './local-ses.js';
import {
  type CfnTemplate,
  LOCAL_ACCOUNT,
  resolveIntrinsics,
  resourcesOfType,
} from './local-template.js';

export interface LocalIdentityServices {
  ses: LocalSes;
  cognito: { endpoint: string };
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  signIn: { endpoint: string; clientId: string };
  authorizer: JwtAuthorizer;
  close(): Promise<void>;
}

interface PoolProperties {
  Schema?: Array<{ Name: string; AttributeDataType?: string; Mutable?: boolean }>;
  AdminCreateUserConfig?: {
    InviteMessageTemplate?: { EmailSubject?: string; EmailMessage?: string };
  };
}

export async function startLocalIdentityServices(
  template: CfnTemplate,
  resources: LocalResources,
  region: string,
): Promise<LocalIdentityServices> {
  const [poolEntry] = resourcesOfType(template, 'AWS::Cognito::UserPool');
  if (!poolEntry) throw new Error('the template has no user pool');
  const [poolId, pool] = poolEntry;
  const properties = (pool.Properties ?? {}) as PoolProperties;
  const invite = properties.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
  const ses = await startLocalSes();
  const cognito = await startLocalCognito({
    region,
    sesEndpoint: ses.endpoint,
    credentials: LOCAL_CREDENTIALS,
    mailFrom: String(resources.ref('MailFromAddress')),
    invitation: { subject: invite.EmailSubject ?? '', body: invite.EmailMessage ?? '' },
  });
  const client = new CognitoIdentityProviderClient({
    region,
    endpoint: cognito.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: `acm-report-local`,
      Schema: (properties.Schema ?? []).map((a) => ({
        Name: a.Name,
        AttributeDataType: (a.AttributeDataType ?? 'String') as 'String',
        Mutable: a.Mutable ?? true,
      })),
    }),
  );
  const userPoolId = String(UserPool?.Id);
  resources.defined.set(poolId, userPoolId);
  // The grants name the pool by its ARN; the local IAM front evaluates them against this one.
  resources.defined.set(
    `${poolId}.Arn`,
    `arn:aws:cognito-idp:${region}:${LOCAL_ACCOUNT}:userpool/${userPoolId}`,
  );
  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'portal',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const clientId = String(UserPoolClient?.ClientId);
  for (const [id] of resourcesOfType(template, 'AWS::Cognito::UserPoolClient'))
    resources.defined.set(id, clientId);
  const admin = new CognitoPeopleAdmin(client, userPoolId);
  for (const [, group] of resourcesOfType(template, 'AWS::Cognito::UserPoolGroup'))
    await admin.ensureGroup(String(resolveIntrinsics(group.Properties?.GroupName, resources)));
  const authorizer = await localJwtAuthorizer({ issuer: cognito.issuer(userPoolId), clientId });
  return {
    ses,
    cognito: { endpoint: cognito.endpoint },
    client,
    userPoolId,
    signIn: { endpoint: cognito.endpoint, clientId },
    authorizer,
    async close() {
      client.destroy();
      await cognito.close();
      await ses.close();
    },
  };
}
