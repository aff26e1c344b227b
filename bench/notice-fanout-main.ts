/** The notice fan-out bench on its own: `node bin/run-ts.mjs bench/notice-fanout-main.ts`. */

import { printNoticeFanoutBench, runNoticeFanoutBench } from './notice-fanout-bench.js';

const figures = await runNoticeFanoutBench((line) => console.log(line));
printNoticeFanoutBench(figures);
