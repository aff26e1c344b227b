/** Inputs the benchmarks share. */
export const SEED_TEXT_FILE = 'events/seed/opdc-fy2566-h1.txt';
