/**
 * Who signed a report off and who decided an approval, as the public files
 * name them: name and position, never an e-mail address or an account id.
 *
 * The one place that knows the stored shapes (the report's signOff
 * { name, position, role, at }; the approval's decidedByName and
 * decidedByPosition), so a change to them is one edit here.
 */

import type { Report } from '../schemas/report-schema.js';
import type { Approval } from '../workflow/approval.js';

export interface NamedPerson {
  name: string;
  position?: string;
}

/** Anything that looks like an e-mail address is not a name to publish. */
const EMAIL = /[^\s@]+@[^\s@]+/;

function publishable(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed && !EMAIL.test(trimmed) ? trimmed : undefined;
}

export function signOffPerson(report: Report): (NamedPerson & { at: string }) | undefined {
  const signOff = report.signOff;
  if (!signOff) return undefined;
  const name = publishable(signOff.name) ?? 'ไม่ระบุชื่อ';
  const position = publishable(signOff.position);
  return { name, ...(position ? { position } : {}), at: signOff.at };
}

export function approverOf(approval: Approval): NamedPerson {
  const name = publishable(approval.decidedByName) ?? 'ไม่ระบุชื่อ';
  const position = publishable(approval.decidedByPosition);
  return { name, ...(position ? { position } : {}) };
}
