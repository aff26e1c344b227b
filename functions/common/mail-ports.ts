/**
 * What the two mailing functions (notify-approvers, send-digest) share: the
 * SES mailer, the mail ledger and digest rows in the table, and the round
 * lookup that gives a notice its names and titles.
 */

import { cognitoClient } from '../../shared/adapters/cognito-client.js';
import { CognitoPeopleDirectory } from '../../shared/adapters/cognito-people-directory.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbDeliveryLedger } from '../../shared/adapters/dynamodb-delivery-ledger.js';
import { DynamoDbDigestStore } from '../../shared/adapters/dynamodb-digest-store.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { sesClient } from '../../shared/adapters/ses-client.js';
import { SesMailer } from '../../shared/adapters/ses-mailer.js';
import type { Round } from '../../shared/schemas/round-schema.js';
import { recordOf } from '../../shared/workflow/round-header.js';
import { now } from './environment.js';

/** What both mailing functions' manifests declare (see their manifest.ts). */
export interface MailEnvironment {
  readonly TABLE_NAME: string;
  readonly MAIL_FROM: string;
  readonly SES_CONFIGURATION_SET: string;
  readonly PORTAL_URL: string;
}

export function mailPorts(env: MailEnvironment) {
  const table = env.TABLE_NAME;
  const rounds = new DynamoDbRoundRepository(documentClient(), table);
  return {
    mailer: new SesMailer(sesClient(), {
      from: env.MAIL_FROM,
      configurationSet: env.SES_CONFIGURATION_SET,
    }),
    ledger: new DynamoDbDeliveryLedger(documentClient(), table),
    digests: new DynamoDbDigestStore(documentClient(), table),
    round: async (
      agencyId: string,
      roundId: string,
      itemNo?: number,
    ): Promise<Round | undefined> => {
      // A notice about one item reads the header and that item's row, not the whole plan: a
      // notice then costs the same in a round of 5,000 items as in one of 5 (it read every plan
      // item row before, which doubled an upload's cost in a 5,000-item round).
      if (itemNo !== undefined) {
        const found = await rounds.getRoundItem(agencyId, roundId, itemNo);
        return found && recordOf(found.header, found.item ? [found.item] : []).round;
      }
      return (await rounds.getRound(agencyId, roundId))?.round;
    },
    portalUrl: env.PORTAL_URL,
    now,
  };
}

/** A fresh directory: its group listings last for one batch, so membership changes are seen. */
export function peopleDirectory(userPoolId: string): CognitoPeopleDirectory {
  return new CognitoPeopleDirectory(cognitoClient(), userPoolId);
}
