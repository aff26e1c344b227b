/** The people screen's words, Thai first (kept beside the screen, in the catalogue's shape). */

import type { Lang } from '../i18n/format.js';

const PEOPLE_STRINGS = {
  title: { th: 'จัดการผู้ใช้ของหน่วยงาน', en: "The agency's people" },
  people: { th: 'รายชื่อผู้ใช้', en: 'People' },
  name: { th: 'ชื่อ', en: 'Name' },
  position: { th: 'ตำแหน่ง', en: 'Position' },
  email: { th: 'อีเมล', en: 'E-mail' },
  roles: { th: 'บทบาท', en: 'Roles' },
  divisions: { th: 'กอง', en: 'Divisions' },
  lastActivity: { th: 'ใช้งานล่าสุด', en: 'Last activity' },
  invited: { th: 'ได้รับเชิญ ยังไม่ได้เข้าสู่ระบบ', en: 'Invited, not signed in yet' },
  active: { th: 'ใช้งานได้', en: 'Active' },
  disabled: { th: 'ระงับแล้ว', en: 'Disabled' },
  disable: { th: 'ระงับบัญชี', en: 'Disable' },
  confirmDisable: {
    th: 'ระงับบัญชีของ {name}? ผู้ใช้จะเข้าสู่ระบบและรับอีเมลไม่ได้อีก',
    en: "Disable {name}'s account? They will no longer sign in or receive mail.",
  },
  addDivision: { th: 'เพิ่มกอง', en: 'Add division' },
  removeDivision: { th: 'ถอน {division}', en: 'Remove {division}' },
  divisionCode: { th: 'รหัสกอง', en: 'Division code' },
  invite: { th: 'เชิญผู้ใช้ใหม่', en: 'Invite someone' },
  inviteSend: { th: 'ส่งคำเชิญทางอีเมล', en: 'Send the invitation' },
  inviteSent: { th: 'ส่งคำเชิญถึง {email} แล้ว', en: 'Invitation sent to {email}' },
  divisionsHint: {
    th: 'รหัสกอง คั่นด้วยจุลภาค เช่น planning, legal',
    en: 'Division codes, separated by commas, e.g. planning, legal',
  },
  changes: { th: 'ประวัติการเปลี่ยนแปลง', en: 'Changes' },
  noChanges: { th: 'ยังไม่มีการเปลี่ยนแปลง', en: 'No changes yet' },
  when: { th: 'เมื่อ', en: 'When' },
  who: { th: 'ผู้ดำเนินการ', en: 'By' },
  what: { th: 'การเปลี่ยนแปลง', en: 'Change' },
  whom: { th: 'ผู้ใช้', en: 'Person' },
  'action-create-agency': { th: 'สร้างหน่วยงาน', en: 'created the agency' },
  'action-invite': { th: 'เชิญ', en: 'invited' },
  'action-add-role': { th: 'เพิ่มบทบาท', en: 'added role' },
  'action-remove-role': { th: 'ถอนบทบาท', en: 'removed role' },
  'action-add-division': { th: 'เพิ่มกอง', en: 'added division' },
  'action-remove-division': { th: 'ถอนกอง', en: 'removed division' },
  'action-disable': { th: 'ระงับบัญชี', en: 'disabled' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PeopleStringKey = keyof typeof PEOPLE_STRINGS;

export function peopleText(
  lang: Lang,
  key: PeopleStringKey,
  values: Record<string, string> = {},
): string {
  return PEOPLE_STRINGS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
