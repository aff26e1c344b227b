/** A submission field named as the report section it prints in ("๔.๓ งบประมาณที่ใช้ดำเนินงาน"). */

import { formatDigits, type Lang } from '../i18n/format.js';

const SECTIONS: Record<string, { n: number; th: string; en: string }> = {
  objectives: { n: 1, th: 'วัตถุประสงค์', en: 'Objectives' },
  progress: { n: 2, th: 'ความก้าวหน้าการดำเนินการ', en: 'Progress' },
  budgetUsed: { n: 3, th: 'งบประมาณที่ใช้ดำเนินงาน', en: 'Budget used' },
  problems: { n: 4, th: 'ปัญหา/อุปสรรค', en: 'Problems' },
  recommendations: { n: 5, th: 'ข้อเสนอแนะ', en: 'Recommendations' },
};

const FIELDS: Record<string, { th: string; en: string }> = {
  agencyId: { th: 'รหัสหน่วยงาน', en: 'Agency code' },
  fiscalYear: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  period: { th: 'รอบการรายงาน', en: 'Period' },
  itemNo: { th: 'ลำดับแผนงาน', en: 'Plan item number' },
  division: { th: 'หน่วยงานรับผิดชอบ', en: 'Division' },
};

export function sectionOfField(
  field: string | undefined,
  lang: Lang,
  itemNo?: number,
): string | undefined {
  if (!field) return undefined;
  const section = SECTIONS[field];
  if (section) {
    const number =
      itemNo === undefined
        ? formatDigits(section.n, lang)
        : `${formatDigits(itemNo, lang)}.${formatDigits(section.n, lang)}`;
    return `${lang === 'th' ? 'หัวข้อ' : 'Section'} ${number} ${section[lang]}`;
  }
  return FIELDS[field]?.[lang];
}
