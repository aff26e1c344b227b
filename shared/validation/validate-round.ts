/**
 * A round document on its own. Apart from validate-document.ts so that a
 * function that reads only rounds builds only the round schema.
 */

import { RoundSchema } from '../schemas/round-schema.js';
import { validateWith } from './validate-with.js';

export const validateRound = (input: unknown) => validateWith(RoundSchema, input);
