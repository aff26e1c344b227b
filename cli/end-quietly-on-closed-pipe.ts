/**
 * `acm-report validate … | head` closes the pipe early: that is the reader
 * having seen enough, not an error worth a stack trace.
 */
let pipeWatched = false;

export function endQuietlyOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
