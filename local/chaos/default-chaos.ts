/**
 * The chaos run's default sizes, apart from the run itself so that the CLI
 * can show them in `--help` without loading the local stack.
 */

import type { ChaosOptions } from './run-chaos.js';

export const DEFAULT_CHAOS: Omit<ChaosOptions, 'log'> = {
  poisonedUploads: 60,
  outageUploads: 40,
  outageMs: 3000,
};
