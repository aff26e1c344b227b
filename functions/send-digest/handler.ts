/**
 * Once a day (an EventBridge schedule, early morning in Bangkok): one
 * e-mail per person listing every reminder kept for them the day before.
 * The event may name the day ({ "day": "YYYY-MM-DD" }) to send one again;
 * nobody is mailed twice for the same day.
 */

import middy from '@middy/core';
import { bangkokDay } from '../../shared/people/digest-entry.js';
import { sendDailyDigest } from '../../shared/people/send-daily-digest.js';
import { readEnvironment } from '../common/environment.js';
import { lazy } from '../common/lazy.js';
import { mailPorts } from '../common/mail-ports.js';
import { createObservability, observed } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const ports = lazy(() => mailPorts(env));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const handler = middy<{ day?: string }>()
  .use(observed<{ day?: string }>(observability, () => undefined))
  .handler(async (event) => {
    const yesterday = bangkokDay(new Date(ports().now().getTime() - 24 * 60 * 60 * 1000));
    const day = typeof event?.day === 'string' && DAY.test(event.day) ? event.day : yesterday;
    const agencies = env.AGENCIES.split(',').filter(Boolean);
    const sent = await sendDailyDigest(ports(), agencies, day);
    observability.logger.info('digest', { day, ...sent });
    observability.metrics.addMetric('DigestMailsSent', 'Count', sent.mailed);
    return { day, ...sent };
  });
