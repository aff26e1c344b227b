/**
 * The ITA evidence of one published version: who approved each plan item at
 * each step of its chain and when, who signed the report off (name,
 * position, time), and the sha256 of every approved version and of every
 * published file. Built from the approval trail, whose ids are derived from
 * (item, version, step), so it takes one batch read, not a search.
 */

import { divisionName } from '../people/division-names.js';
import type { Report } from '../schemas/report-schema.js';
import type { Approval } from '../workflow/approval.js';
import { itemApprovalId } from '../workflow/approval.js';
import type { WaitingRole } from '../workflow/roles.js';
import { approverOf, type NamedPerson, signOffPerson } from './sign-off-person.js';

export const ROLE_LABELS: Record<WaitingRole, { th: string; en: string }> = {
  'division-director': { th: 'ผู้อำนวยการกอง', en: 'Division director' },
  'anti-corruption-centre': {
    th: 'ศูนย์ปฏิบัติการต่อต้านการทุจริต (ศปท.)',
    en: 'Anti-corruption centre',
  },
  'internal-audit': { th: 'ตรวจสอบภายใน', en: 'Internal audit' },
  'agency-head': { th: 'หัวหน้าส่วนราชการ', en: 'Head of agency' },
};

export interface EvidenceStep extends NamedPerson {
  step: number;
  role: WaitingRole;
  /** When the step was approved; absent if the trail has no decision for it (never invented). */
  at?: string;
}

export interface EvidenceItem {
  no: number;
  title: string;
  division: string;
  /** The division as people read it (its code when the round names none). */
  divisionNameTh: string;
  approvedVersion?: number;
  /** sha256 of the uploaded object the approved version came from. */
  sha256?: string;
  steps: EvidenceStep[];
}

export interface EvidenceFile {
  label: string;
  path: string;
  sha256: string;
}

export interface EvidenceRecord {
  agencyId: string;
  agencyNameTh: string;
  fiscalYear: number;
  period: 'H1' | 'FY';
  version: number;
  title: string;
  head: NamedPerson & { at: string };
  items: EvidenceItem[];
  files: EvidenceFile[];
}

/** The approval ids whose decisions the evidence names, given the round's chain. */
export function evidenceApprovalIds(
  report: Report,
  roundId: string,
  chain: readonly WaitingRole[],
): string[] {
  return report.items.flatMap((item) =>
    item.provenance
      ? chain.map((_, step) =>
          itemApprovalId(report.agency.id, roundId, item.no, item.provenance?.version ?? 0, step),
        )
      : [],
  );
}

export function evidenceRecord(
  report: Report,
  roundId: string,
  chain: readonly WaitingRole[],
  approvals: readonly Approval[],
  files: readonly EvidenceFile[],
): EvidenceRecord {
  const byId = new Map(approvals.map((a) => [a.approvalId, a]));
  const head = signOffPerson(report);
  if (!head) throw new Error('evidence needs a signed-off report');
  return {
    agencyId: report.agency.id,
    agencyNameTh: report.agency.nameTh,
    fiscalYear: report.fiscalYear,
    period: report.period,
    version: report.publishedVersion ?? 1,
    title: report.title,
    head,
    items: report.items.map((item) => {
      const version = item.provenance?.version;
      const steps = chain.map((role, step): EvidenceStep => {
        const approval =
          version === undefined
            ? undefined
            : byId.get(itemApprovalId(report.agency.id, roundId, item.no, version, step));
        const decided = approval?.status === 'approved' ? approval : undefined;
        return decided
          ? {
              step,
              role,
              ...approverOf(decided),
              ...(decided.decidedAt ? { at: decided.decidedAt } : {}),
            }
          : { step, role, name: '—' };
      });
      return {
        no: item.no,
        title: item.title,
        division: item.division,
        divisionNameTh: divisionName(report, item.division).th,
        ...(version !== undefined ? { approvedVersion: version } : {}),
        ...(item.provenance ? { sha256: item.provenance.sha256 } : {}),
        steps,
      };
    }),
    files: [...files],
  };
}
