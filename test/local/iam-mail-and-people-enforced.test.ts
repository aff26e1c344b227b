/**
 * SES and Cognito sit behind the same IAM front as DynamoDB, S3, SQS and
 * Step Functions: with ses:SendEmail and cognito-idp:ListUsersInGroup
 * dropped from notify-approvers' manifest, its own requests to the local
 * SES and the local user pool are refused with the services' own
 * AccessDeniedException, naming its role, the action and the resource; a
 * notice it is given fails (so the queue would retry it) and mails nobody.
 * Built from the real manifests, the same requests pass.
 */

import {
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionManifest } from '../../functions/common/function-manifest.js';
import { MANIFESTS, manifestCatalog } from '../../functions/manifests.js';
import { LOCAL_REGION } from '../../local/embedded-services.js';
import { localEmail } from '../../local/local-identities.js';
import { type LocalStack, startLocalStack } from '../../local/local-stack.js';
import { approvalsNoticeEvent } from './approvals-notice-event.js';

const AGENCY = 'opdc';
const FOLDER = 'notify-approvers';

/** notify-approvers without its SES and Cognito grants. */
const withoutMailGrants = manifestCatalog(
  MANIFESTS.map(
    (m): FunctionManifest =>
      m.name === FOLDER
        ? { ...m, grants: m.grants.filter((g) => g.on !== 'mail-identity' && g.on !== 'user-pool') }
        : m,
  ),
);

async function start(manifests = manifestCatalog()): Promise<LocalStack> {
  return startLocalStack({ agencyId: AGENCY, divisions: ['d1'], portal: false, manifests });
}

function credentialsOf(stack: LocalStack) {
  const fn = stack.functions.all.find((f) => f.folder === FOLDER);
  if (!fn) throw new Error(`no ${FOLDER}`);
  return fn.credentials;
}

/** A SendEmail signed as notify-approvers, to the endpoint its SDK client uses. */
async function sendEmailAs(stack: LocalStack) {
  const client = new SESv2Client({
    region: LOCAL_REGION,
    endpoint: stack.iam.endpoints.ses,
    credentials: credentialsOf(stack),
  });
  try {
    return await client.send(
      new SendEmailCommand({
        FromEmailAddress: stack.resources.ref('MailFromAddress'),
        ConfigurationSetName: stack.resources.ref('SesConfigurationSet'),
        Destination: { ToAddresses: [localEmail('director-1')] },
        Content: {
          Simple: { Subject: { Data: 'ทดสอบ / test' }, Body: { Text: { Data: 'ทดสอบ' } } },
        },
      }),
    );
  } finally {
    client.destroy();
  }
}

/** A ListUsersInGroup signed as notify-approvers. */
async function listGroupAs(stack: LocalStack) {
  const client = new CognitoIdentityProviderClient({
    region: LOCAL_REGION,
    endpoint: stack.iam.endpoints['cognito-idp'],
    credentials: credentialsOf(stack),
  });
  try {
    return await client.send(
      new ListUsersInGroupCommand({
        UserPoolId: stack.cognito.userPoolId,
        GroupName: `${AGENCY}:coordinator`,
      }),
    );
  } finally {
    client.destroy();
  }
}

describe('SES and Cognito under the local IAM', () => {
  describe('with ses:SendEmail and cognito-idp:ListUsersInGroup dropped from notify-approvers', () => {
    let stack: LocalStack;
    beforeAll(async () => {
      stack = await start(withoutMailGrants);
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
    });

    it("answers its SendEmail with SES's AccessDeniedException, naming the identity", async () => {
      // Act
      const refused = sendEmailAs(stack);
      // Assess
      await expect(refused).rejects.toMatchObject({
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      });
      await expect(sendEmailAs(stack)).rejects.toThrow(
        /assumed-role\/.+\/acm-report-local-notify-approvers is not authorized to perform: ses:SendEmail on resource: arn:aws:ses:.+:identity\/example\.invalid because no identity-based policy allows/,
      );
    });

    it("answers its ListUsersInGroup with Cognito's AccessDeniedException, naming the pool", async () => {
      // Act
      const refused = listGroupAs(stack);
      // Assess
      await expect(refused).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(listGroupAs(stack)).rejects.toThrow(
        new RegExp(
          `not authorized to perform: cognito-idp:ListUsersInGroup on resource: arn:aws:cognito-idp:.+:userpool/${stack.cognito.userPoolId}`,
        ),
      );
      expect(stack.iam.ledger.denied.map((d) => `${d.principal} ${d.action}`)).toEqual(
        expect.arrayContaining([
          'acm-report-local-notify-approvers ses:SendEmail',
          'acm-report-local-notify-approvers cognito-idp:ListUsersInGroup',
        ]),
      );
    });

    it('fails the notice back to the queue and mails nobody', async () => {
      // Prepare
      const before = (await stack.mail.mails()).length;
      // Act
      const answer = (await stack.functions.invoke(
        `acm-report-local-${FOLDER}`,
        approvalsNoticeEvent(AGENCY),
      )) as { batchItemFailures: { itemIdentifier: string }[] };
      // Assess
      expect(answer.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
      expect(await stack.mail.mails()).toHaveLength(before);
    });
  });

  describe('with the real manifests', () => {
    let stack: LocalStack;
    beforeAll(async () => {
      stack = await start();
    }, 120_000);
    afterAll(async () => {
      await stack?.close();
    });

    it('lets the same requests through and the notice reaches the coordinator', async () => {
      // Act
      const sent = await sendEmailAs(stack);
      const members = await listGroupAs(stack);
      const answer = (await stack.functions.invoke(
        `acm-report-local-${FOLDER}`,
        approvalsNoticeEvent(AGENCY),
      )) as { batchItemFailures: unknown[] };
      // Assess
      expect(sent.MessageId).toBeTruthy();
      expect(members.Users?.map((u) => u.Username)).toEqual(['coordinator']);
      expect(answer.batchItemFailures).toEqual([]);
      const mails = await stack.mail.mails();
      expect(
        mails.filter((m) => m.destination.to.includes(localEmail('coordinator'))),
      ).toHaveLength(1);
      // And the chat webhook, whose URL the notifier read from its secret.
      expect(stack.inbox.notices.map((n) => n.kind)).toEqual(['approval-escalated']);
      expect(stack.iam.ledger.denied).toEqual([]);
      expect(stack.iam.ledger.undecided).toEqual([]);
    });
  });
});
