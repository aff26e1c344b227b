/** Correlation id of a Step Functions task: the submission version or sign-off it is about. */
export function taskCorrelationId(event: unknown): string | undefined {
  if (event === null || typeof event !== 'object') return undefined;
  const { submission, signOff } = event as {
    submission?: { agencyId?: string; roundId?: string; itemNo?: number; version?: number };
    signOff?: { agencyId?: string; roundId?: string; attempt?: number };
  };
  if (submission) {
    return `${submission.agencyId}/${submission.roundId}/${submission.itemNo}/v${submission.version}`;
  }
  if (signOff) return `${signOff.agencyId}/${signOff.roundId}/sign-off/a${signOff.attempt}`;
  return undefined;
}
