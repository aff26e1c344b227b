/**
 * The portal's words, Thai first. Thai wording follows the register of a
 * government office's internal forms (ส่งรายงาน, พิจารณา, ส่งกลับให้แก้ไข,
 * ลงนามรับรอง); English is for staff who read it better.
 */

import type { Lang } from './format.js';

const STRINGS = {
  appName: { th: 'ระบบรายงานการกำกับติดตามการป้องกันการทุจริต', en: 'Anti-corruption plan monitoring' },
  skip: { th: 'ข้ามไปยังเนื้อหา', en: 'Skip to content' },
  language: { th: 'ภาษา', en: 'Language' },
  signIn: { th: 'เข้าสู่ระบบ', en: 'Sign in' },
  signOut: { th: 'ออกจากระบบ', en: 'Sign out' },
  signInAs: { th: 'เลือกผู้ใช้งาน (ระบบทดลองในเครื่อง)', en: 'Choose a person (local trial system)' },
  signInCognito: { th: 'เข้าสู่ระบบด้วยบัญชีของหน่วยงาน', en: 'Sign in with your agency account' },
  signInLead: {
    th: 'สำหรับเจ้าหน้าที่ของหน่วยงานที่รับผิดชอบแผนปฏิบัติการป้องกันการทุจริต',
    en: "For staff of the agency's anti-corruption plan",
  },
  signedInAs: { th: 'ผู้ใช้งาน', en: 'Signed in as' },
  publicReports: { th: 'รายงานที่เผยแพร่แล้ว', en: 'Published reports' },
  tabDivision: { th: 'รายงานของหน่วยงาน', en: 'My division' },
  tabApprover: { th: 'รายการรอพิจารณา', en: 'For my decision' },
  tabCoordinator: { th: 'ติดตามรอบรายงาน', en: 'Round overview' },
  tabPeople: { th: 'จัดการผู้ใช้', en: 'People' },
  loading: { th: 'กำลังโหลด…', en: 'Loading…' },
  refresh: { th: 'ปรับปรุงข้อมูล', en: 'Refresh' },
  noRound: { th: 'ยังไม่มีรอบรายงานที่เปิดอยู่', en: 'No round is open yet' },
  round: { th: 'รอบรายงาน', en: 'Round' },
  roundTitle: {
    th: 'ปีงบประมาณ พ.ศ. {year} {period}',
    en: 'Fiscal year {year} (BE), {period}',
  },
  periodH1: { th: 'รอบ ๖ เดือน', en: '6-month round' },
  periodFY: { th: 'รอบ ๑๒ เดือน', en: '12-month round' },
  due: { th: 'กำหนดส่ง', en: 'Due' },
  overdue: { th: 'เลยกำหนดส่งแล้ว', en: 'Overdue' },
  item: { th: 'แผนงานลำดับที่ {no}', en: 'Plan item {no}' },
  version: { th: 'ฉบับที่ {n}', en: 'version {n}' },
  division: { th: 'หน่วยงานรับผิดชอบ', en: 'Division' },
  noItems: {
    th: 'ไม่มีแผนงานที่หน่วยงานของท่านรับผิดชอบในรอบนี้',
    en: 'Your division has no plan item in this round',
  },
  // Item states
  stateMissing: { th: 'ยังไม่ส่งรายงาน', en: 'Not submitted' },
  stateValidating: { th: 'กำลังตรวจสอบไฟล์', en: 'Checking the file' },
  stateRejected: { th: 'ไฟล์ไม่ผ่านการตรวจสอบ', en: 'Rejected: fix the errors' },
  stateWaiting: { th: 'รอการพิจารณาของ{role}', en: 'Waiting for the {role}' },
  stateReturned: { th: 'ส่งกลับให้แก้ไข', en: 'Returned for changes' },
  stateExpired: { th: 'พ้นกำหนดเวลาพิจารณา', en: 'Ran out of time for a decision' },
  stateApproved: { th: 'อนุมัติแล้ว', en: 'Approved' },
  since: { th: 'ตั้งแต่ {when} (รอมาแล้ว {duration})', en: 'since {when} ({duration})' },
  returnedBy: { th: 'ความเห็นของ{role}', en: 'Comment from the {role}' },
  problemsFound: { th: 'พบข้อผิดพลาด {n} รายการ', en: '{n} problems found' },
  // Roles
  'role-division-director': { th: 'ผู้อำนวยการกอง', en: 'division director' },
  'role-anti-corruption-centre': {
    th: 'ศูนย์ปฏิบัติการต่อต้านการทุจริต (ศปท.)',
    en: 'anti-corruption centre',
  },
  'role-internal-audit': { th: 'กลุ่มตรวจสอบภายใน', en: 'internal audit' },
  'role-agency-head': { th: 'หัวหน้าส่วนราชการ', en: 'agency head' },
  'role-coordinator': { th: 'ผู้ประสานงาน', en: 'coordinator' },
  // Upload
  uploadHeading: { th: 'ส่งรายงานผลการดำเนินงาน', en: 'Send the progress report' },
  uploadDrop: {
    th: 'ลากไฟล์มาวางที่นี่ หรือกดเพื่อเลือกไฟล์',
    en: 'Drop a file here, or press to choose one',
  },
  uploadKinds: {
    th: 'รองรับไฟล์ Word (.docx) ข้อความ (.txt) และ JSON (.json)',
    en: 'Word (.docx), text (.txt) and JSON (.json) files',
  },
  uploadWrongKind: {
    th: 'ไฟล์ {name} ไม่ใช่ .docx .txt หรือ .json',
    en: 'The file {name} is not .docx, .txt or .json',
  },
  uploading: { th: 'กำลังส่งไฟล์ {name}', en: 'Sending {name}' },
  uploadProgress: { th: 'ความคืบหน้าการส่งไฟล์', en: 'Upload progress' },
  uploadChecking: { th: 'ส่งไฟล์แล้ว ระบบกำลังตรวจสอบ…', en: 'Sent; the system is checking it…' },
  uploadAccepted: {
    th: 'ไฟล์ผ่านการตรวจสอบ บันทึกเป็นฉบับที่ {n} และส่งให้พิจารณาแล้ว',
    en: 'Accepted as version {n} and sent for approval',
  },
  uploadFailed: { th: 'ส่งไฟล์ไม่สำเร็จ: {reason}', en: 'The upload failed: {reason}' },
  carriedHeading: {
    th: 'ร่างจากรอบ ๖ เดือน (ฉบับที่ {n} ที่อนุมัติแล้ว)',
    en: 'Draft carried over from H1 (approved version {n})',
  },
  carriedNote: {
    th: 'ข้อความนี้คือฉบับที่ {n} ของรอบ {roundId} ซึ่งอนุมัติแล้ว{when} จะเข้ารายงานรอบ ๑๒ เดือนได้ก็ต่อเมื่อส่งและได้รับอนุมัติในรอบนี้',
    en: 'This is version {n} of round {roundId}, approved{when}. It reaches the annual report only once it is sent and approved in this round',
  },
  carriedApprovedAt: { th: 'เมื่อ {when}', en: ' on {when}' },
  carriedDownload: { th: 'ดาวน์โหลดร่างนี้ (JSON)', en: 'Download this draft (JSON)' },
  carriedSubmit: { th: 'ส่งร่างนี้', en: 'Submit this draft' },
  templates: { th: 'แบบฟอร์มรายงาน', en: 'Report templates' },
  templateWord: { th: 'ดาวน์โหลดแบบฟอร์ม Word', en: 'Download the Word template' },
  templateJson: { th: 'ดาวน์โหลดแบบฟอร์ม JSON', en: 'Download the JSON template' },
  // Problems
  errorsHeading: { th: 'ข้อผิดพลาดที่ต้องแก้ไข', en: 'What to fix' },
  line: { th: 'บรรทัดที่ {n}', en: 'Line {n}' },
  paragraph: { th: 'ย่อหน้าที่ {n}', en: 'Paragraph {n}' },
  tableCell: {
    th: 'ตารางที่ {table} แถวที่ {row} ช่องที่ {column}',
    en: 'Table {table}, row {row}, column {column}',
  },
  wholeFile: { th: 'ทั้งไฟล์', en: 'The whole file' },
  howToFix: { th: 'วิธีแก้ไข', en: 'Fix' },
  inFile: { th: 'ในไฟล์', en: 'In the file' },
  // Preview and history
  preview: { th: 'ตัวอย่างการแสดงผลในรายงาน', en: 'Preview as it will print' },
  previewOf: { th: 'ตัวอย่าง {what}', en: 'Preview of {what}' },
  history: { th: 'ประวัติการส่งและการพิจารณา', en: 'Submissions and decisions' },
  sentAt: { th: 'ส่งเมื่อ {when}', en: 'sent {when}' },
  decisionApproved: { th: 'อนุมัติ', en: 'approved' },
  decisionReturned: { th: 'ส่งกลับ', en: 'returned' },
  decisionPending: { th: 'รอพิจารณา', en: 'pending' },
  decisionExpired: { th: 'พ้นกำหนด', en: 'expired' },
  // Approver
  inboxHeading: { th: 'รายการที่รอการพิจารณาของท่าน', en: 'Waiting for your decision' },
  inboxEmpty: { th: 'ไม่มีรายการรอพิจารณา', en: 'Nothing is waiting for you' },
  signOffSubject: { th: 'ลงนามรับรองรายงานทั้งฉบับ', en: 'Sign off the whole report' },
  waitingSince: { th: 'รอตั้งแต่ {when}', en: 'waiting since {when}' },
  reminderPhase: { th: 'แจ้งเตือนซ้ำ', en: 'reminder' },
  escalationPhase: { th: 'เกินกำหนด', en: 'escalated' },
  open: { th: 'เปิดพิจารณา', en: 'Open' },
  approve: { th: 'อนุมัติ', en: 'Approve' },
  signOff: { th: 'ลงนามรับรองและเผยแพร่', en: 'Sign off and publish' },
  returnIt: { th: 'ส่งกลับให้แก้ไข', en: 'Return for changes' },
  comment: { th: 'ความเห็น / สิ่งที่ต้องแก้ไข', en: 'Comment: what needs changing' },
  commentNeeded: {
    th: 'กรุณาระบุสิ่งที่ต้องแก้ไขก่อนส่งกลับ',
    en: 'Say what needs changing before returning it',
  },
  decided: { th: 'บันทึกผลการพิจารณาแล้ว', en: 'Decision recorded' },
  myHistory: { th: 'ประวัติการพิจารณาของท่าน', en: 'Your decisions' },
  noHistory: { th: 'ยังไม่มีประวัติการพิจารณา', en: 'No decisions yet' },
  close: { th: 'ปิด', en: 'Close' },
  // Coordinator
  openRound: { th: 'เปิดรอบรายงานใหม่', en: 'Open a new round' },
  fromPlanFile: { th: 'จากไฟล์แผน (round.json)', en: 'From a plan file (round.json)' },
  planFile: { th: 'ไฟล์แผนปฏิบัติการ', en: 'Plan file' },
  fromForm: { th: 'กรอกแบบฟอร์ม', en: 'Fill in a form' },
  agencyName: { th: 'ชื่อหน่วยงาน', en: 'Agency name (Thai)' },
  fiscalYear: { th: 'ปีงบประมาณ (พ.ศ.)', en: 'Fiscal year (BE)' },
  period: { th: 'รอบการรายงาน', en: 'Period' },
  dueDate: { th: 'วันที่กำหนดส่ง', en: 'Due date' },
  chain: { th: 'ลำดับการพิจารณา', en: 'Approval chain' },
  planItems: { th: 'แผนงาน (โครงการ/กิจกรรม/มาตรการ)', en: 'Plan items' },
  kind: { th: 'ประเภท', en: 'Kind' },
  'kind-project': { th: 'โครงการ', en: 'project' },
  'kind-activity': { th: 'กิจกรรม', en: 'activity' },
  'kind-measure': { th: 'มาตรการ', en: 'measure' },
  title: { th: 'ชื่อ', en: 'Title' },
  divisionCode: { th: 'รหัสหน่วยงานรับผิดชอบ', en: 'Division code' },
  divisionName: { th: 'ชื่อหน่วยงานรับผิดชอบ', en: 'Division name (Thai)' },
  addItem: { th: 'เพิ่มแผนงาน', en: 'Add an item' },
  removeItem: { th: 'ลบแผนงานลำดับที่ {no}', en: 'Remove item {no}' },
  submitRound: { th: 'เปิดรอบรายงาน', en: 'Open the round' },
  roundOpened: { th: 'เปิดรอบรายงาน {round} แล้ว', en: 'Round {round} is open' },
  dashboard: { th: 'สถานะการรายงาน', en: 'Where the round stands' },
  missingDivisions: { th: 'หน่วยงานที่ยังไม่ส่งรายงาน', en: 'Divisions yet to report' },
  none: { th: 'ไม่มี', en: 'None' },
  waitingOn: { th: 'รอที่', en: 'Waiting on' },
  howLong: { th: 'ระยะเวลา', en: 'For' },
  state: { th: 'สถานะ', en: 'State' },
  remind: { th: 'ส่งการแจ้งเตือน', en: 'Send reminders' },
  reminded: {
    th: 'แจ้งเตือนแล้ว: หน่วยงาน {items} รายการ ผู้พิจารณา {approvals} รายการ',
    en: 'Reminded: {items} divisions, {approvals} approvers',
  },
  signOffState: { th: 'การลงนามรับรอง', en: 'Sign-off' },
  'signoff-none': { th: 'รอให้ทุกแผนงานได้รับอนุมัติ', en: 'Waits for every item to be approved' },
  'signoff-requested': { th: 'รอหัวหน้าส่วนราชการลงนาม', en: 'Waiting for the agency head' },
  'signoff-approved': { th: 'ลงนามรับรองแล้ว', en: 'Signed off' },
  'signoff-returned': { th: 'หัวหน้าส่วนราชการส่งกลับ', en: 'Returned by the agency head' },
  'signoff-expired': { th: 'พ้นกำหนดเวลาลงนาม', en: 'Sign-off ran out of time' },
  published: { th: 'เผยแพร่แล้ว ฉบับที่ {n}', en: 'Published, version {n}' },
  notPublished: { th: 'ยังไม่เผยแพร่', en: 'Not published yet' },
  viewPublished: { th: 'ดูรายงานที่เผยแพร่', en: 'Read the published report' },
  counts: { th: 'สรุป', en: 'Summary' },
  error: { th: 'เกิดข้อผิดพลาด', en: 'Something went wrong' },
  refreshFailed: {
    th: 'ปรับปรุงข้อมูลล่าสุดไม่สำเร็จ จะลองใหม่อัตโนมัติ ข้อมูลที่แสดงอาจไม่เป็นปัจจุบัน',
    en: 'Could not refresh; trying again shortly. What you see may be out of date.',
  },
  remindFailed: { th: 'ส่งการแจ้งเตือนไม่สำเร็จ', en: 'The reminders were not sent' },
  sessionExpired: {
    th: 'การเข้าสู่ระบบหมดอายุแล้ว กรุณาเข้าสู่ระบบอีกครั้งเพื่อทำงานต่อจากหน้าเดิม',
    en: 'Your sign-in has expired. Sign in again to carry on where you were.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The string for `key` with {placeholders} filled. */
export function translate(
  lang: Lang,
  key: StringKey,
  values: Record<string, string | number> = {},
): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(STRINGS, key);
}
