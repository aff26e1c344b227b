/**
 * `acm-report start` (what `npm start` runs), an entry point of the local
 * stack: bin/acm-report.mjs runs it from the sources through tsx. It lives in
 * local/, not cli/, because cli/ never imports local/ (the handbook's rule).
 */

import { Command } from 'commander';
import { runEntryPoint } from './run-entry-point.js';

const program = new Command('acm-report start')
  .description(
    'เล่นรอบรายงานครึ่งปีแรก ปีงบประมาณ 2566 ตั้งแต่ต้นจนเผยแพร่ บนระบบ AWS จำลองในเครื่อง แล้วให้บริการต่อจนกด Ctrl-C\n' +
      'Run the FY 2566 six-month round end to end on the embedded local AWS stack, then keep serving until Ctrl-C (what npm start runs)',
  )
  .option(
    '--once',
    'เผยแพร่แล้วจบ เก็บสำเนาเว็บที่เผยแพร่ไว้ใน <out>/published/ · exit after publishing, leaving a copy of the published site in <out>/published/',
  )
  .option('--out <dir>', 'โฟลเดอร์ผลลัพธ์ · output folder', 'out')
  .addHelpText('after', '\nExit status: 0 published, 1 the seed round is invalid, 2 usage error.')
  .action(async (options: { once?: boolean; out: string }) => {
    // Loaded here so that --help answers without starting the emulators' code.
    const { startSeedRound } = await import('./start-seed-round.js');
    process.exitCode = await startSeedRound(options);
  });

await runEntryPoint(program, process.argv.slice(3));
