/**
 * Sends mail through Amazon SES (API v2) from the deployment's verified
 * identity, under its configuration set (bounces, complaints, delivery
 * events), which the function's role is allowed to use and nothing else.
 */

import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mail } from '../people/notice-mail.js';
import type { Mailer } from '../workflow/ports.js';

export interface SesMailerOptions {
  /** The verified identity's address, e.g. "acm-report@agency.go.th". */
  from: string;
  configurationSet?: string;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesMailerOptions,
  ) {}

  async send(mail: Mail): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.options.from,
        Destination: { ToAddresses: [mail.to] },
        ...(this.options.configurationSet
          ? { ConfigurationSetName: this.options.configurationSet }
          : {}),
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: mail.text, Charset: 'UTF-8' },
              Html: { Data: mail.html, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
  }
}
