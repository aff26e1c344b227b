/**
 * A submission document on its own. Apart from validate-document.ts so that
 * a function that reads only submissions (intake, roll-up) builds neither the
 * round nor the report schema.
 */

import { SubmissionSchema } from '../schemas/submission-schema.js';
import { validateWith } from './validate-with.js';

export const validateSubmission = (input: unknown) => validateWith(SubmissionSchema, input);
