/**
 * `acm-report chaos` (what `npm run chaos` runs), an entry point of the local
 * stack: bin/acm-report.mjs runs it from the sources through tsx. It lives in
 * local/, not cli/, because cli/ never imports local/ (the handbook's rule).
 */

import { Command, InvalidArgumentError } from 'commander';
import { runEntryPoint } from '../run-entry-point.js';
import { DEFAULT_CHAOS } from './default-chaos.js';

function positive(text: string): number {
  const n = Number(text);
  if (!(Number.isFinite(n) && n > 0)) {
    throw new InvalidArgumentError('ต้องเป็นจำนวนบวก · must be a positive number');
  }
  return n;
}

const program = new Command('acm-report chaos')
  .description(
    'ทดสอบการทนความผิดพลาดบนระบบจำลองในเครื่อง: ล่มก่อนเขียนดัชนี ข้อมูลเสีย ตารางใช้ไม่ได้ แล้วนับว่าที่ส่งเข้า = ที่เก็บได้\n' +
      'Fault injection on the embedded stack: a crash before the index, poisoned records, a table outage; prints count in = count stored',
  )
  .option(
    '--uploads <n>',
    'จำนวนไฟล์ที่ส่งในช่วงข้อมูลเสีย · uploads in the poisoned-records phase',
    positive,
    DEFAULT_CHAOS.poisonedUploads,
  )
  .option(
    '--outage-seconds <s>',
    'ตารางใช้ไม่ได้นานกี่วินาที · how long the table is unavailable',
    positive,
    DEFAULT_CHAOS.outageMs / 1000,
  )
  .addHelpText(
    'after',
    '\nExit status: 0 nothing lost, 1 something lost or left broken, 2 usage error.',
  )
  .action(async (options: { uploads: number; outageSeconds: number }) => {
    // Loaded here so that --help answers without loading the local stack.
    const { reportChaos } = await import('./report-chaos.js');
    process.exitCode = await reportChaos(options);
  });

await runEntryPoint(program, process.argv.slice(3));
