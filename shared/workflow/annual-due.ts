/**
 * When an annual (FY) report is due unless the coordinator says otherwise:
 * 31 October, a month after the fiscal year ends on 30 September. The
 * fiscal year is Buddhist era and ends in its own year (CE = BE − 543).
 */
export function defaultFyDue(fiscalYear: number): string {
  return `${fiscalYear - 543}-10-31`;
}
