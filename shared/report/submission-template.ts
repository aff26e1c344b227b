/**
 * The blank a division fills in for one plan item: the same five sections
 * the report prints, each with a bracketed hint in Thai. The portal offers it
 * as JSON (this object) and as Word (the same item rendered as the standard
 * outline, which intake's Word importer reads back). Pure data: the browser
 * bundle and the build both import it.
 */

import type { PlanItemValue } from '../schemas/round-schema.js';
import type { ItemContent, Submission } from '../schemas/submission-schema.js';
import type { Period } from '../thai/fiscal-period.js';

/** The hints a division replaces; every one is valid text, so an untouched blank still imports. */
export const TEMPLATE_CONTENT: ItemContent = {
  objectives: {
    points: [
      { text: 'เพื่อ (ระบุวัตถุประสงค์ข้อที่ ๑ ตามแผนปฏิบัติการ)' },
      { text: 'เพื่อ (ระบุวัตถุประสงค์ข้อที่ ๒ ถ้ามี หรือลบข้อนี้ออก)' },
    ],
  },
  progress: {
    points: [
      {
        text: '(ระบุผลการดำเนินงานในรอบรายงาน เช่น วันที่ จำนวนครั้ง ผู้เข้าร่วม)',
        points: [{ text: '(ระบุรายละเอียดย่อย ถ้ามี)' }],
      },
    ],
  },
  budgetUsed: '0.00',
  problems: 'none',
  recommendations: 'none',
};

export interface TemplateTarget {
  agencyId: string;
  fiscalYear: number;
  period: Period;
  item: Pick<PlanItemValue, 'no' | 'division'>;
}

/** A submission document for one plan item with the hints in place of content. */
export function submissionTemplate(target: TemplateTarget): Submission {
  return {
    type: 'submission',
    schemaVersion: 1,
    agencyId: target.agencyId,
    fiscalYear: target.fiscalYear,
    period: target.period,
    itemNo: target.item.no,
    division: target.item.division,
    ...TEMPLATE_CONTENT,
  };
}
