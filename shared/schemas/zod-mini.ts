/**
 * The zod every schema here is written with: zod/mini, the same zod 4 core
 * as the classic `zod` entry (the same parsing, the same issues) without the
 * method-chaining layer, which costs a Lambda tens of milliseconds of import
 * time once our schemas are built. Classic sets itself up in two ways that
 * mini leaves to us; both are done here so nothing a caller sees changes.
 *
 * Import it as a namespace (`import * as z from './zod-mini.js'`): esbuild
 * then keeps only the parts of zod a bundle uses. Re-exporting zod's own `z`
 * object instead would pull all of zod into every bundle.
 */

import { config, transform, type ZodMiniTransform } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

export * from 'zod/mini';

// Classic installs its English messages on first use; without them every
// issue reads "Invalid input", and a payload a handler refuses (a thrown
// parse error) would no longer say what was wrong. The catalogue in
// shared/validation never reads these messages, so problems are unaffected.
if (!config().localeError) config(en());

/** What a transform may report, as classic's `ctx.addIssue` takes it. */
export interface TransformIssue {
  code: 'custom';
  params?: Record<string, unknown>;
  path?: PropertyKey[];
}

export interface TransformContext {
  addIssue(issue: TransformIssue): void;
}

/**
 * `transform`, with the `ctx.addIssue` that classic's transform offers and
 * mini's lacks: a conversion that can also refuse its input (an amount that
 * is not money, a number out of range) records the issue exactly as classic
 * did, against the value it was given, and returns `NEVER`.
 */
export function transformWithIssues<I, O>(
  convert: (value: I, ctx: TransformContext) => O,
): ZodMiniTransform<Awaited<O>, I> {
  const step: ZodMiniTransform<Awaited<O>, I> = transform((value: I, payload) =>
    convert(value, {
      addIssue: (issue) => payload.issues.push({ ...issue, input: value, inst: step }),
    }),
  );
  return step;
}
