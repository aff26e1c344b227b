/**
 * The five sections every plan item reports, in the order of the standard
 * outline, with the wording the renderers write and the wordings the
 * importer recognises (agencies vary them: "ความก้าวหน้าการดำเนินการแต่ละ
 * โครงการ/กิจกรรม", "ผลการดำเนินงาน", "ปัญหาและอุปสรรค" …).
 */

import type { ItemKindCode } from '../schemas/text-fields.js';

export type SectionKey = 'objectives' | 'progress' | 'budgetUsed' | 'problems' | 'recommendations';

export const SECTION_ORDER: readonly SectionKey[] = [
  'objectives',
  'progress',
  'budgetUsed',
  'problems',
  'recommendations',
];

export const KIND_WORD_TH: Record<ItemKindCode, string> = {
  project: 'โครงการ',
  activity: 'กิจกรรม',
  measure: 'มาตรการ',
};

export const KIND_WORD_EN: Record<ItemKindCode, string> = {
  project: 'project',
  activity: 'activity',
  measure: 'measure',
};

/** The heading the renderers print for section `key` of an item of `kind`. */
export function sectionHeadingTh(key: SectionKey, kind: ItemKindCode): string {
  switch (key) {
    case 'objectives':
      return `วัตถุประสงค์${KIND_WORD_TH[kind]}`;
    case 'progress':
      return 'ความก้าวหน้าการดำเนินการ';
    case 'budgetUsed':
      return 'งบประมาณที่ใช้ดำเนินงาน';
    case 'problems':
      return 'ปัญหา/อุปสรรค';
    case 'recommendations':
      return 'ข้อเสนอแนะ';
  }
}

export const SECTION_NAME_EN: Record<SectionKey, string> = {
  objectives: 'Objectives',
  progress: 'Progress',
  budgetUsed: 'Budget used',
  problems: 'Problems and obstacles',
  recommendations: 'Recommendations',
};

const RECOGNISED: ReadonlyArray<[SectionKey, RegExp]> = [
  ['objectives', /^วัตถุประสงค์/],
  ['progress', /^(?:ความก้าวหน้า|ผลการดำเนิน)/],
  ['budgetUsed', /^งบประมาณ/],
  ['problems', /^(?:ปัญหา|อุปสรรค)/],
  ['recommendations', /^ข้อเสนอแนะ/],
];

/** Which section a heading's wording names, if any. */
export function recogniseSectionHeading(wording: string): SectionKey | undefined {
  // A heading is a short line; a long one is a paragraph that happens to
  // start with the same word.
  if (wording.length > 120) return undefined;
  return RECOGNISED.find(([, pattern]) => pattern.test(wording))?.[0];
}

/** Item titles start with the kind's word: "โครงการ…", "กิจกรรม…", "มาตรการ…". */
export function kindOfTitle(title: string): ItemKindCode | undefined {
  const entry = Object.entries(KIND_WORD_TH).find(([, word]) => title.startsWith(word));
  return entry?.[0] as ItemKindCode | undefined;
}

/** How a report writes "nothing here" for problems and recommendations. */
export const NONE_TH = 'ไม่มี';
export const NO_BUDGET_TH = 'ไม่ใช้งบประมาณ';
const NONE_WORDINGS = /^(?:-|–|ไม่มี(?:ปัญหา(?:\/อุปสรรค|และอุปสรรค)?|ข้อเสนอแนะ)?|none)$/i;

export function isNoneWording(text: string): boolean {
  return NONE_WORDINGS.test(text.trim());
}
