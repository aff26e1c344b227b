/**
 * The acm-report command line. Every command exits 0 on success, 1 when the
 * input is invalid (problems printed in Thai and English) and 2 when the
 * command itself was called wrongly.
 */

import { Command, CommanderError, Help, Option } from 'commander';
import { REDRIVABLE_QUEUES, RENDER_FORMATS, SEED_ROUND_FOLDER } from './command-choices.js';
import { EXIT_USAGE, UsageError } from './usage-error.js';

// Each action imports its command when it runs, so a command loads only what
// it uses: `validate` never parses pdfkit, the AWS SDK, aws-cdk-lib or the
// emulators (issue 12: a CLI that answers at once).

const program = new Command('acm-report')
  .description(
    "Monitoring reports on Thai agencies' anti-corruption plans (รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต)",
  )
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError('(run acm-report --help for usage)')
  .configureHelp({
    // The local stack's commands take options their own --help lists.
    subcommandTerm: (command) =>
      LOCAL_STACK_COMMANDS.some(({ name }) => name === command.name())
        ? `${command.name()} [options]`
        : new Help().subcommandTerm(command),
  });

program
  .command('import')
  .description('read a report in the standard outline (.txt) into round.json and items/<no>.json')
  .argument('<file>', 'the report text, e.g. events/seed/opdc-fy2566-h1.txt')
  .requiredOption('--out <dir>', 'folder to write round.json and items/ into')
  .option('--agency <code>', 'agency code, e.g. opdc (the text does not name it)')
  .option('--agency-name <name>', 'agency name in Thai')
  .option('--agency-name-en <name>', 'agency name in English')
  .option('--divisions <codes>', 'comma-separated division code per plan item, in plan order')
  .option(
    '--due <date>',
    'submission deadline, YYYY-MM-DD (default: 30 days after the period ends)',
  )
  .option('--json', 'print notices and problems as JSON')
  .action(async (file, options) => {
    const { runImport } = await import('./commands/import-command.js');
    process.exitCode = await runImport(file, options);
  });

program
  .command('validate')
  .description(
    'check submissions, rounds or reports (.json), outlines (.txt), Word files (.docx) or round folders',
  )
  .argument('<files...>', 'files or folders to check')
  .option('--json', 'print the result as JSON (several files: { valid, files: [...] })')
  .addHelpText('after', '\nExit status: 0 valid, 1 invalid, 2 usage error.')
  .action(async (files, options) => {
    const { runValidate } = await import('./commands/validate-command.js');
    process.exitCode = await runValidate(files, options);
  });

program
  .command('render')
  .description('render a round folder (round.json + items/) as a report')
  .requiredOption('--in <dir>', 'round folder, as written by import')
  .addOption(
    new Option('--format <format>', `output format (${RENDER_FORMATS.join(', ')})`).default('text'),
  )
  .option('--out <file>', 'file to write (default: standard output)')
  .option('--no-summary', 'leave out the roll-up summary section (text)')
  .action(async (options) => {
    const { runRender } = await import('./commands/render-command.js');
    process.exitCode = await runRender(options);
  });

program
  .command('schemas')
  .description('write the JSON Schema of every document type')
  .option('--out <dir>', 'folder to write into', 'schemas')
  .action(async (options) => {
    const { runSchemas } = await import('./commands/schemas-command.js');
    process.exitCode = await runSchemas(options);
  });

/** --api/--token/--as/--agency on every command that talks to a deployment. */
function withConnection(command: Command): Command {
  return command
    .option('--api <url>', 'the API URL (or ACM_REPORT_API); npm start prints the local one')
    .option('--token <jwt>', 'Cognito ID token (or ACM_REPORT_TOKEN)')
    .option(
      '--as <id>',
      'local demo identity, e.g. staff-1, director-1, acc-officer (local stack only)',
    )
    .option('--agency <code>', 'agency code (or ACM_REPORT_AGENCY), e.g. opdc');
}

withConnection(
  program
    .command('submit')
    .description(
      'upload a plan item (.json, .txt or .docx) through a presigned POST and wait for validation',
    )
    .argument('<file>', 'the submission')
    .requiredOption('--round <id>', 'round id, e.g. 2566-h1')
    .option('--item <no>', 'plan item number (a JSON submission may carry it)')
    .option('--json', 'print the result as JSON'),
).action(async (file, options) => {
  const { runSubmit } = await import('./commands/workflow-commands.js');
  process.exitCode = await runSubmit(file, options);
});

withConnection(
  program
    .command('status')
    .description('where every plan item of a round stands, who is missing, what waits where')
    .requiredOption('--round <id>', 'round id, e.g. 2566-h1')
    .option('--json', 'print the status as JSON'),
).action(async (options) => {
  const { runStatus } = await import('./commands/workflow-commands.js');
  process.exitCode = await runStatus(options);
});

const approvals = program
  .command('approvals')
  .description('what waits for your decision, and deciding it');
withConnection(
  approvals.command('list').description('your inbox').option('--json', 'print as JSON'),
).action(async (options) => {
  const { runApprovalsList } = await import('./commands/workflow-commands.js');
  process.exitCode = await runApprovalsList(options);
});
withConnection(
  approvals
    .command('approve')
    .description('approve a pending approval')
    .argument('<id>', 'approval id, from approvals list')
    .option('--comment <text>', 'an optional note'),
).action(async (id, options) => {
  const { runDecision } = await import('./commands/workflow-commands.js');
  process.exitCode = await runDecision(id, 'approve', options);
});
withConnection(
  approvals
    .command('return')
    .description('return it to the division with a comment')
    .argument('<id>', 'approval id, from approvals list')
    .requiredOption('--comment <text>', 'what the division must change'),
).action(async (id, options) => {
  const { runDecision } = await import('./commands/workflow-commands.js');
  process.exitCode = await runDecision(id, 'return', options);
});

/**
 * `start` and `chaos` run the embedded stack: bin/acm-report.mjs hands them
 * to their entry points in local/ (which cli/ never imports) before this file
 * loads. They are listed here, as text, so that --help shows every command.
 */
const LOCAL_STACK_COMMANDS = [
  {
    name: 'start',
    description:
      'run the FY 2566 six-month round end to end on the embedded local AWS stack (what npm start runs)',
  },
  {
    name: 'chaos',
    description:
      'fault injection on the embedded stack: a crash before the index, poisoned records, a table outage; prints count in = count stored',
  },
];
for (const { name, description } of LOCAL_STACK_COMMANDS) {
  program
    .command(name)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UsageError(
        `${name} runs from a checkout through bin/acm-report.mjs (npm start); see acm-report ${name} --help`,
      );
    });
}

program
  .command('redrive')
  .description(
    "send a queue's dead-lettered messages back to it after a fix or an outage (uses your AWS credentials)",
  )
  .argument('<queue>', `the queue: ${REDRIVABLE_QUEUES.join(' or ')}`)
  .option('--stage <name>', 'the deployment stage (as given to cdk deploy -c stage=…)', 'dev')
  .option('--region <region>', 'AWS region (default: from your AWS configuration)')
  .option('--endpoint <url>', 'an SQS endpoint other than AWS (e.g. a local one)')
  .action(async (queue, options) => {
    const { runRedrive } = await import('./commands/redrive-command.js');
    process.exitCode = await runRedrive(queue, options);
  });

program
  .command('demo')
  .description('render the FY 2566 six-month seed round to out/ offline, without the AWS stack')
  .option('--in <dir>', 'round folder', SEED_ROUND_FOLDER)
  .option('--out <dir>', 'output folder', 'out')
  .action(async (options) => {
    const { runDemo } = await import('./commands/demo-command.js');
    process.exitCode = await runDemo(options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (error instanceof UsageError) {
    console.error(`acm-report: ${error.message}`);
    process.exitCode = EXIT_USAGE;
  } else {
    console.error('acm-report: unexpected failure; please report it with this output:');
    console.error(error);
    process.exitCode = 70;
  }
}
