/**
 * The message catalogue of the people screen: what a coordinator or the
 * national operator is refused, and how to go on. Same shape as the
 * workflow's catalogue (shared/workflow/workflow-messages.ts), so the portal
 * shows every refusal the same way.
 */

import { problemFromTemplate } from '../validation/make-problem.js';
import type { MessageTemplate } from '../validation/validation-messages.js';
import type { ValidationProblem } from '../validation/validation-problem.js';

export const PEOPLE_MESSAGES = {
  'people.notOperator': {
    th: 'การสร้างหน่วยงานต้องเป็นผู้ดูแลระบบระดับประเทศ (กลุ่ม {group})',
    en: 'Creating an agency needs the national operator (the group {group})',
    fixTh: 'ขอให้ผู้ดูแลระบบระดับประเทศสร้างหน่วยงานให้',
    fixEn: 'Ask the national operator to create the agency',
  },
  'people.selfGrant': {
    th: 'ท่านให้บทบาทหรือกองแก่ตนเองไม่ได้',
    en: 'You cannot give yourself a role or a division',
    fixTh: 'ให้ผู้ประสานงานคนอื่นของหน่วยงานเป็นผู้เพิ่มให้',
    fixEn: "Ask another of the agency's coordinators to add it",
  },
  'people.selfDisable': {
    th: 'ท่านระงับบัญชีของตนเองไม่ได้',
    en: 'You cannot disable your own account',
    fixTh: 'ให้ผู้ประสานงานคนอื่นของหน่วยงานเป็นผู้ระงับ',
    fixEn: "Ask another of the agency's coordinators to do it",
  },
  'people.lastCoordinator': {
    th: '{name} เป็นผู้ประสานงานคนสุดท้ายของหน่วยงาน {agencyId}',
    en: '{name} is the last coordinator of agency {agencyId}',
    fixTh: 'เพิ่มบทบาทผู้ประสานงานให้ผู้อื่นก่อน แล้วจึงถอนหรือระงับบัญชีนี้',
    fixEn: 'Give someone else the coordinator role first, then remove or disable this one',
  },
  'people.notFound': {
    th: 'ไม่พบผู้ใช้นี้ในหน่วยงาน {agencyId}',
    en: 'There is no such person in agency {agencyId}',
    fixTh: 'เปิดรายชื่อผู้ใช้ของหน่วยงานใหม่ แล้วเลือกจากรายชื่อ',
    fixEn: "Reload the agency's people and pick from the list",
  },
  'people.otherAgency': {
    th: '{name} มีบทบาทในหน่วยงานอื่นด้วย การระงับบัญชีจะกระทบหน่วยงานนั้น',
    en: '{name} also works in another agency; disabling the account would lock them out there too',
    fixTh: 'ถอนบทบาทและกองของหน่วยงาน {agencyId} แทนการระงับบัญชี',
    fixEn: 'Remove their roles and divisions in agency {agencyId} instead',
  },
  'people.exists': {
    th: 'มีบัญชีผู้ใช้ของ {email} อยู่แล้ว',
    en: 'There is already an account for {email}',
    fixTh: 'หากเป็นบุคลากรของหน่วยงาน ให้เพิ่มบทบาทจากรายชื่อ หรือตรวจอีเมลอีกครั้ง',
    fixEn: 'If they are in the agency, add the role from the list; otherwise check the address',
  },
  'people.agencyHasCoordinator': {
    th: 'หน่วยงาน {agencyId} มีผู้ประสานงานแล้ว',
    en: 'Agency {agencyId} already has a coordinator',
    fixTh: 'ให้ผู้ประสานงานของหน่วยงานเชิญผู้ใช้เพิ่มจากหน้าจัดการผู้ใช้',
    fixEn: "Ask the agency's coordinator to invite people from the people screen",
  },
  'people.nothingGranted': {
    th: 'ยังไม่ได้เลือกบทบาทหรือกองให้ผู้ได้รับเชิญ',
    en: 'No role or division was chosen for the person invited',
    fixTh: 'เลือกอย่างน้อยหนึ่งบทบาทหรือหนึ่งกอง',
    fixEn: 'Choose at least one role or division',
  },
  'people.oneGroup': {
    th: 'การเปลี่ยนแปลงหนึ่งครั้งต้องระบุบทบาท (role) หรือกอง (division) อย่างใดอย่างหนึ่ง',
    en: 'A change names either a role or a division, exactly one of them',
    fixTh:
      'ส่ง {"change": "add", "role": "division-director"} หรือ {"change": "remove", "division": "…"}',
    fixEn:
      'Send {"change": "add", "role": "division-director"} or {"change": "remove", "division": "…"}',
  },
} satisfies Record<string, MessageTemplate>;

export type PeopleCode = keyof typeof PEOPLE_MESSAGES;

/** A people problem, placeholders filled, in the shape every problem has. */
export function peopleProblem(
  code: PeopleCode,
  path = '$',
  values: Record<string, unknown> = {},
): ValidationProblem {
  return problemFromTemplate(PEOPLE_MESSAGES[code], code, path, values);
}
