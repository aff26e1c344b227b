/**
 * The choices and defaults that `--help` shows, in a module of their own so
 * that printing help or parsing options loads none of the commands.
 */

/** What `render --format` can write. */
export const RENDER_FORMATS = ['text', 'json', 'pdf', 'html'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** The stack's queues that have a dead-letter queue. */
export const REDRIVABLE_QUEUES = ['intake', 'approvals'] as const;

/** The committed FY 2566 six-month round that `demo` renders by default. */
export const SEED_ROUND_FOLDER = 'events/seed';
