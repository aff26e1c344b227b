/**
 * How the local stack's commands (`acm-report start`, `acm-report chaos`,
 * launched by bin/acm-report.mjs) parse their options and exit, the same way
 * the rest of acm-report does: 0 on success, 1 when something the command
 * checks failed, 2 when it was called wrongly, 70 on an unexpected failure.
 */

import { type Command, CommanderError } from 'commander';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_UNEXPECTED = 70;

/** Parses the arguments after the command's name (`acm-report start …`) and runs it. */
export async function runEntryPoint(program: Command, args: readonly string[]): Promise<void> {
  program.exitOverride().showHelpAfterError(`(run ${program.name()} --help for usage)`);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help exits 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    } else {
      console.error(`${program.name()}: unexpected failure; please report it with this output:`);
      console.error(error);
      process.exitCode = EXIT_UNEXPECTED;
    }
  }
}
