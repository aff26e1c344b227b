/**
 * The message catalogue of the workflow: who may do what, and what an upload
 * or a decision needs. Same shape as the validation catalogue
 * (shared/validation/validation-messages.ts) so every interface returns one
 * kind of problem; kept apart because these are about people and state, not
 * about the content of a document.
 */

import { problemFromTemplate } from '../validation/make-problem.js';
import type { MessageTemplate } from '../validation/validation-messages.js';
import type { ValidationProblem } from '../validation/validation-problem.js';

export const WORKFLOW_MESSAGES = {
  'auth.notSignedIn': {
    th: 'ไม่พบข้อมูลผู้ใช้ในคำขอ',
    en: 'The request carries no signed-in user',
    fixTh: 'เข้าสู่ระบบใหม่แล้วลองอีกครั้ง',
    fixEn: 'Sign in again and retry',
  },
  'auth.notMember': {
    th: 'ท่านไม่ได้เป็นสมาชิกของหน่วยงาน {agencyId}',
    en: 'You are not a member of agency {agencyId}',
    fixTh: 'ขอให้ผู้ดูแลระบบเพิ่มท่านในกลุ่มของหน่วยงาน',
    fixEn: "Ask the administrator to add you to the agency's groups",
  },
  'auth.notRole': {
    th: 'การดำเนินการนี้ต้องมีบทบาท {role} ในหน่วยงาน {agencyId}',
    en: 'This needs the role {role} in agency {agencyId}',
    fixTh: 'ขอให้ผู้ดูแลระบบเพิ่มท่านในกลุ่ม {group}',
    fixEn: 'Ask the administrator to add you to the group {group}',
  },
  'auth.notDivision': {
    th: 'แผนงานนี้เป็นความรับผิดชอบของ {division} ซึ่งท่านไม่ได้สังกัด',
    en: 'This belongs to division {division}, which you are not a member of',
    fixTh: 'ให้ผู้ที่สังกัด {division} ดำเนินการ หรือขอให้ผู้ดูแลระบบเพิ่มท่านในกลุ่ม {group}',
    fixEn: 'Ask a member of {division} to do it, or ask to be added to the group {group}',
  },
  'auth.ownSubmission': {
    th: 'ท่านเป็นผู้ส่งรายงานฉบับนี้เอง จึงอนุมัติไม่ได้',
    en: 'You uploaded this submission, so you cannot approve it',
    fixTh: 'ให้ผู้มีบทบาท {role} คนอื่นพิจารณา',
    fixEn: 'Another holder of the role {role} must decide',
  },
  'round.notFound': {
    th: 'ไม่พบรอบรายงาน {roundId} ของหน่วยงาน {agencyId}',
    en: 'There is no round {roundId} for agency {agencyId}',
    fixTh: 'ตรวจปีงบประมาณและรอบ (เช่น 2566-h1) หรือให้ผู้ประสานงานเปิดรอบก่อน',
    fixEn: 'Check the fiscal year and period (e.g. 2566-h1), or ask the coordinator to open it',
  },
  'round.exists': {
    th: 'รอบรายงาน {roundId} เปิดไว้แล้ว',
    en: 'Round {roundId} is already open',
    fixTh: 'ใช้รอบที่เปิดไว้ หรือเปิดรอบของปีงบประมาณ/รอบอื่น',
    fixEn: 'Use the open round, or open one for another fiscal year or period',
  },
  'round.notH1': {
    th: 'รอบ {roundId} ไม่ใช่รอบ ๖ เดือน จึงเปิดรอบ ๑๒ เดือนต่อจากรอบนี้ไม่ได้',
    en: 'Round {roundId} is not a six-month round, so the annual round cannot continue it',
    fixTh: 'เลือกรอบ ๖ เดือนของปีงบประมาณนั้น (เช่น 2566-h1)',
    fixEn: 'Choose the six-month round of that fiscal year (e.g. 2566-h1)',
  },
  'round.h1NotPublished': {
    th: 'รายงานรอบ ๖ เดือน {roundId} ยังไม่ได้เผยแพร่ จึงยังยกแผนงานไปรอบ ๑๒ เดือนไม่ได้',
    en: 'The six-month report {roundId} is not published yet, so its plan cannot be carried over',
    fixTh: 'รอให้หัวหน้าส่วนราชการลงนามและเผยแพร่รอบ ๖ เดือนก่อน หรือเปิดรอบ ๑๒ เดือนจากไฟล์แผนงาน',
    fixEn:
      'Wait until the head signs off and the six-month report is published, or open the annual round from a plan file',
  },
  'round.agencyMismatch': {
    th: 'เอกสารรอบรายงานเป็นของหน่วยงาน {received} ไม่ใช่ {expected}',
    en: 'The round document is for agency {received}, not {expected}',
    fixTh: 'แก้ agency.id ในเอกสารให้ตรงกับหน่วยงานของท่าน',
    fixEn: 'Set agency.id in the document to your agency',
  },
  'upload.unknownFormat': {
    th: 'ไม่รองรับรูปแบบไฟล์ {format}',
    en: 'The file format {format} is not supported',
    fixTh: 'ส่งเป็น json, txt (แบบรายงานมาตรฐาน) หรือ docx (Word)',
    fixEn: 'Send json, txt (the standard outline) or docx (Word)',
  },
  'upload.notFound': {
    th: 'ไม่พบการอัปโหลด {uploadId}',
    en: 'There is no upload {uploadId}',
    fixTh: 'ขอ URL สำหรับอัปโหลดใหม่แล้วส่งไฟล์อีกครั้ง',
    fixEn: 'Request a new upload URL and send the file again',
  },
  'upload.tooLarge': {
    th: 'ไฟล์มีขนาด {size} ไบต์ เกินขนาดสูงสุด {max} ไบต์',
    en: 'The file is {size} bytes, over the {max}-byte limit',
    fixTh: 'ลดขนาดไฟล์ (เช่น ลบรูปภาพออกจากไฟล์ Word) แล้วส่งใหม่',
    fixEn: 'Make the file smaller (e.g. remove pictures from the Word file) and send it again',
  },
  'upload.wrongType': {
    th: 'ไฟล์มีชนิด {received} แต่คำขออัปโหลดระบุ {expected}',
    en: 'The file has type {received}, but the upload was requested as {expected}',
    fixTh: 'ขอ URL ใหม่ด้วยรูปแบบไฟล์ที่ตรงกับไฟล์ที่จะส่ง',
    fixEn: 'Request a new upload URL for the format of the file you send',
  },
  'upload.notText': {
    th: 'ไฟล์ไม่ใช่ข้อความ UTF-8 ({detail})',
    en: 'The file is not UTF-8 text ({detail})',
    fixTh: 'บันทึกไฟล์ใหม่เป็น UTF-8',
    fixEn: 'Save the file again as UTF-8',
  },
  'upload.unreadableWord': {
    th: 'อ่านไฟล์ Word ไม่ได้ ({detail})',
    en: 'The Word file cannot be read ({detail})',
    fixTh: 'เปิดไฟล์ใน Word แล้วบันทึกใหม่เป็น .docx',
    fixEn: 'Open it in Word and save it again as .docx',
  },
  'upload.wordUnpacksTooLarge': {
    th: 'ไฟล์ Word เมื่อคลายการบีบอัดแล้วใหญ่เกินกว่าจะอ่านได้อย่างปลอดภัย ({detail})',
    en: 'The Word file unpacks to more than can be read safely ({detail})',
    fixTh: 'ลบรูปภาพหรือไฟล์ที่ฝังไว้ออกจากเอกสาร แล้วบันทึกใหม่เป็น .docx หรือส่งเนื้อหาเป็นไฟล์ .txt',
    fixEn:
      'Remove pictures or embedded files from the document and save it again as .docx, or send the text as a .txt file',
  },
  'upload.textTooLarge': {
    th: 'ข้อความที่อ่านได้จากไฟล์ยาว {size} ไบต์ เกินขนาดสูงสุด {max} ไบต์',
    en: 'The text read from the file is {size} bytes, over the {max}-byte limit',
    fixTh: 'ส่งไฟล์ละหนึ่งแผนงาน หรือตัดข้อความที่ไม่จำเป็นออก',
    fixEn: 'Send one plan item per file, or remove text that is not needed',
  },
  'upload.itemNotInFile': {
    th: 'ไม่พบแผนงานลำดับที่ {itemNo} ในไฟล์ (พบ {found} รายการ)',
    en: 'Plan item {itemNo} is not in the file ({found} item(s) found)',
    fixTh: 'ส่งไฟล์ที่มีเฉพาะแผนงานนี้ หรือทั้งรายงานตามลำดับแผนงาน',
    fixEn: 'Send a file holding just this item, or the whole report in plan order',
  },
  'upload.keyMismatch': {
    th: 'เนื้อหาเป็นของ {received} แต่ไฟล์ถูกส่งสำหรับ {expected}',
    en: 'The content is for {received}, but the file was uploaded for {expected}',
    fixTh: 'ขอ URL อัปโหลดสำหรับแผนงานที่ตรงกับเนื้อหา',
    fixEn: 'Request the upload URL for the plan item the content is about',
  },
  'approval.notFound': {
    th: 'ไม่พบรายการอนุมัติ {approvalId}',
    en: 'There is no approval {approvalId}',
    fixTh: 'เปิดกล่องงานอนุมัติอีกครั้งเพื่อดูรายการล่าสุด',
    fixEn: 'Open the approvals inbox again to see the current list',
  },
  'approval.alreadyDecided': {
    th: 'รายการนี้ได้รับการพิจารณาแล้ว ({status})',
    en: 'This has already been decided ({status})',
    fixTh: 'ไม่ต้องดำเนินการเพิ่มเติม',
    fixEn: 'Nothing more to do',
  },
  'approval.commentRequired': {
    th: 'การส่งกลับต้องระบุเหตุผล',
    en: 'Returning a submission needs a comment',
    fixTh: 'ระบุสิ่งที่ต้องแก้ไขใน "comment"',
    fixEn: 'Say what needs changing in "comment"',
  },
  'signOff.profileIncomplete': {
    th: 'รายงานที่เผยแพร่ต้องแสดงชื่อและตำแหน่งของผู้ลงนาม แต่บัญชีของท่านยังไม่มีชื่อหรือตำแหน่ง',
    en: "The published report prints the signer's name and position, and your account has no name or position yet",
    fixTh: 'ขอให้ผู้ประสานงานระบุชื่อและตำแหน่งของท่านในหน้าจัดการผู้ใช้ แล้วเข้าสู่ระบบใหม่',
    fixEn:
      'Ask the coordinator to set your name and position on the people screen, then sign in again',
  },
  'version.notFound': {
    th: 'ไม่พบฉบับที่ {version} ของแผนงานลำดับที่ {itemNo}',
    en: 'Plan item {itemNo} has no version {version}',
    fixTh: 'เปิดประวัติของแผนงานเพื่อดูฉบับที่มีอยู่',
    fixEn: "Open the item's history to see which versions exist",
  },
  'carried.none': {
    th: 'แผนงานลำดับที่ {itemNo} ของรอบ {roundId} ไม่มีร่างที่ยกมาจากรอบ ๖ เดือน',
    en: 'Plan item {itemNo} of round {roundId} has no draft carried over from the six-month round',
    fixTh: 'ร่างจะยกมาเมื่อผู้ประสานงานเปิดรอบ ๑๒ เดือนต่อจากรอบ ๖ เดือนที่เผยแพร่แล้ว หากไม่มี ให้ส่งรายงานตามปกติ',
    fixEn:
      'Drafts are carried over when the coordinator opens the annual round from a published six-month round; without one, upload the report as usual',
  },
  'draft.notYet': {
    th: 'รอบรายงาน {roundId} ยังไม่มีร่างรายงานรวม',
    en: 'Round {roundId} has no rolled-up draft yet',
    fixTh: 'ร่างรายงานรวมจัดทำเมื่อทุกแผนงานได้รับอนุมัติแล้ว',
    fixEn: 'The draft is rolled up once every plan item is approved',
  },
} satisfies Record<string, MessageTemplate>;

export type WorkflowCode = keyof typeof WORKFLOW_MESSAGES;

/** A workflow problem, placeholders filled, in the shape validation problems have. */
export function workflowProblem(
  code: WorkflowCode,
  path = '$',
  values: Record<string, unknown> = {},
): ValidationProblem {
  return problemFromTemplate(WORKFLOW_MESSAGES[code], code, path, values);
}
