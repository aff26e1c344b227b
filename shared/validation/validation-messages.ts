/**
 * The message catalogue: for every problem code, what is wrong and how to fix
 * it, in Thai and in English. Placeholders in braces are filled from the
 * problem's parameters; {field} is the offending field's name.
 */

import { displayValue } from './display-value.js';

export interface MessageTemplate {
  th: string;
  en: string;
  fixTh: string;
  fixEn: string;
}

export const MESSAGES: Record<string, MessageTemplate> = {
  'json.syntax': {
    th: 'ไฟล์ไม่ใช่ JSON ที่ถูกต้อง ({detail})',
    en: 'The file is not valid JSON ({detail})',
    fixTh:
      'ตรวจเครื่องหมายจุลภาค วงเล็บ และเครื่องหมายคำพูดใกล้ตำแหน่งที่ระบุ หรือบันทึกไฟล์ใหม่ด้วยเครื่องมือที่สร้าง JSON',
    fixEn:
      'Check commas, brackets and quotes near the position given, or export the file again with a JSON tool',
  },
  'json.duplicateKey': {
    th: 'ช่องข้อมูล {key} ซ้ำกันในออบเจกต์เดียวกัน',
    en: 'The field {key} appears more than once in the same object',
    fixTh: 'เก็บไว้เพียงค่าเดียว (โปรแกรมต่าง ๆ อ่านค่าซ้ำไม่เหมือนกัน ผู้ตรวจอาจเห็นค่าหนึ่งแต่ระบบบันทึกอีกค่าหนึ่ง)',
    fixEn:
      'Keep one of them: programs disagree on which duplicate wins, so a reviewer could read one value while another is stored',
  },
  'document.tooManyProblems': {
    th: 'พบข้อผิดพลาด {count} รายการ แสดงเฉพาะ {max} รายการแรก',
    en: '{count} problems were found; only the first {max} are listed',
    fixTh: 'แก้ไขรายการที่แสดงแล้วตรวจอีกครั้ง (มักเกิดจากไฟล์ที่ไม่ใช่แบบรายงานนี้)',
    fixEn:
      'Fix those listed and check again (so many usually means the file is not this kind of document)',
  },
  'document.tooLarge': {
    th: 'ไฟล์มีขนาด {size} ไบต์ เกินขนาดสูงสุด {max} ไบต์',
    en: 'The file is {size} bytes, over the {max}-byte limit',
    fixTh: 'แยกเนื้อหาเป็นหลายไฟล์ หรือตัดข้อความที่ไม่จำเป็นออก',
    fixEn: 'Split the content into several files or remove text that is not needed',
  },
  'document.tooDeep': {
    th: 'โครงสร้างซ้อนกันลึกเกิน {max} ชั้น',
    en: 'The structure is nested more than {max} levels deep',
    fixTh: 'ลดการซ้อนของรายการย่อยให้ไม่เกิน ๔ ระดับตามแบบรายงาน',
    fixEn: 'Flatten nested points to at most the four levels of the report outline',
  },
  'document.notObject': {
    th: 'เอกสารต้องเป็นออบเจกต์ JSON ({ ... })',
    en: 'The document must be a JSON object ({ ... })',
    fixTh: 'ห่อเนื้อหาทั้งหมดด้วยวงเล็บปีกกา และระบุ "type"',
    fixEn: 'Wrap the content in curly braces and give its "type"',
  },
  'document.unknownType': {
    th: 'ไม่รู้จักชนิดเอกสาร "type" = {received}',
    en: 'Unknown document "type" {received}',
    fixTh: 'กำหนด "type" เป็น {allowed}',
    fixEn: 'Set "type" to one of {allowed}',
  },
  'value.required': {
    th: 'ยังไม่ได้ระบุ {field}',
    en: '{field} is missing',
    fixTh: 'เพิ่ม "{field}" ({expectedTh})',
    fixEn: 'Add "{field}" ({expectedEn})',
  },
  'value.wrongType': {
    th: '{field} ต้องเป็น {expectedTh} แต่ได้รับ {receivedTh}',
    en: '{field} must be {expectedEn}, not {receivedEn}',
    fixTh: 'เปลี่ยนค่า {field} ให้เป็น {expectedTh}',
    fixEn: 'Change {field} to {expectedEn}',
  },
  'value.notAllowed': {
    th: '{field} มีค่าที่ไม่รองรับ',
    en: '{field} has a value that is not allowed',
    fixTh: 'ใช้ค่าใดค่าหนึ่งต่อไปนี้: {allowed}',
    fixEn: 'Use one of: {allowed}',
  },
  'value.unknownKey': {
    th: 'ไม่รู้จักช่องข้อมูล {keys}',
    en: 'Unknown field {keys}',
    fixTh: 'ลบช่องข้อมูลดังกล่าว หรือตรวจการสะกดชื่อช่องข้อมูลให้ตรงกับแบบ (schema)',
    fixEn: 'Remove them, or check their spelling against the schema',
  },
  'schemaVersion.unsupported': {
    th: 'ไม่รองรับ schemaVersion นี้',
    en: 'This schemaVersion is not supported',
    fixTh: 'กำหนด "schemaVersion": 1',
    fixEn: 'Set "schemaVersion": 1',
  },
  'text.empty': {
    th: '{field} ว่างเปล่า',
    en: '{field} is empty',
    fixTh: 'กรอกข้อความ หรือลบรายการนี้ออกหากไม่ใช้',
    fixEn: 'Write the text, or remove the entry if it is not needed',
  },
  'text.tooLong': {
    th: '{field} ยาวเกิน {max} ตัวอักษร',
    en: '{field} is longer than {max} characters',
    fixTh: 'แบ่งเป็นหลายย่อหน้าหรือหลายข้อ',
    fixEn: 'Split it into several paragraphs or points',
  },
  'text.lineBreak': {
    th: '{field} มีการขึ้นบรรทัดใหม่ภายในย่อหน้า',
    en: '{field} contains a line break inside a paragraph',
    fixTh: 'แยกแต่ละย่อหน้าเป็นรายการของ "paragraphs" หรือเป็นข้อใหม่ใน "points"',
    fixEn:
      'Put each paragraph in its own entry of "paragraphs", or make it a new entry of "points"',
  },
  'text.forbiddenCharacter': {
    th: '{field} มีอักขระควบคุมที่มองไม่เห็น ({codePoint}) ที่ตำแหน่ง {index}',
    en: '{field} contains an invisible control character ({codePoint}) at position {index}',
    fixTh: 'ลบอักขระดังกล่าว (มักติดมาจากการคัดลอกข้อความ) แล้วส่งใหม่',
    fixEn: 'Delete that character (it usually comes with copied text) and submit again',
  },
  'text.unprintable': {
    th: '{field} มีอักขระ {codePoint} ที่ตำแหน่ง {index} ซึ่งพิมพ์ในรายงานไม่ได้ (ฟอนต์ Sarabun ของรายงานไม่มีอักขระนี้)',
    en: '{field} contains the character {codePoint} at position {index}, which the report cannot print (its Sarabun font has no glyph for it)',
    fixTh: 'ใช้อักษรไทยหรืออักษรละตินแทน หรือเขียนเป็นคำ (เช่น อีโมจิ สัญลักษณ์พิเศษ หรือหัวข้อย่อยที่คัดลอกมาจาก Word)',
    fixEn:
      'Use Thai or Latin letters instead, or say it in words (emoji, special symbols, bullets copied from Word)',
  },
  'text.stackedMarks': {
    th: '{field} มีสระ/วรรณยุกต์หรือเครื่องหมายกำกับซ้อนกันเกิน {max} ตัวที่ตำแหน่ง {index}',
    en: '{field} stacks more than {max} combining marks (vowels, tone marks, accents) at position {index}',
    fixTh: 'ลบเครื่องหมายที่ซ้ำซ้อนออก (ข้อความปกติมีไม่เกินสามสี่ตัวต่อหนึ่งพยัญชนะ)',
    fixEn: 'Delete the repeated marks (real text has at most a few per letter)',
  },
  'list.empty': {
    th: '{field} ต้องมีอย่างน้อย {min} รายการ',
    en: '{field} needs at least {min} entr(y/ies)',
    fixTh: 'เพิ่มรายการใน {field}',
    fixEn: 'Add entries to {field}',
  },
  'list.tooLong': {
    th: '{field} มีเกิน {max} รายการ',
    en: '{field} has more than {max} entries',
    fixTh: 'รวมรายการที่เกี่ยวข้องกัน หรือจัดเป็นข้อย่อย',
    fixEn: 'Merge related entries or group them as sub-points',
  },
  'number.range': {
    th: '{field} ต้องเป็นจำนวนเต็มตั้งแต่ {min} ถึง {max}',
    en: '{field} must be a whole number from {min} to {max}',
    fixTh: 'ใส่จำนวนเต็ม (เลขไทยหรือเลขอารบิกก็ได้) ในช่วงดังกล่าว',
    fixEn: 'Give a whole number (Thai or Arabic digits) in that range',
  },
  'fiscalYear.range': {
    th: '{field} ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2566 หรือ ๒๕๖๖',
    en: '{field} must be a Buddhist-era fiscal year (พ.ศ.), e.g. 2566',
    fixTh: 'ใช้ปี พ.ศ. ที่ปีงบประมาณสิ้นสุด (ค.ศ. + ๕๔๓)',
    fixEn: 'Give the Buddhist-era year in which the fiscal year ends (Common Era year + 543)',
  },
  'code.format': {
    th: '{field} ต้องเป็นรหัสตัวพิมพ์เล็กภาษาอังกฤษ ตัวเลข และขีดกลาง (เช่น "opdc" หรือ "div-planning")',
    en: '{field} must be a code of lower-case letters, digits and inner hyphens (e.g. "opdc", "div-planning")',
    fixTh: 'ใช้รหัสหน่วยงาน/กองตามที่ผู้ประสานงานกำหนด ไม่มีช่องว่าง จุด หรือเครื่องหมายทับ',
    fixEn: 'Use the agency/division code the coordinator gave you, without spaces, dots or slashes',
  },
  'date.format': {
    th: '{field} ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2023-04-30',
    en: '{field} must be a date written YYYY-MM-DD (Common Era), e.g. 2023-04-30',
    fixTh: 'เขียนวันที่ตามรูปแบบดังกล่าว โดยใช้ปี ค.ศ.',
    fixEn: 'Write the date in that form, with the Common Era year',
  },
  'budget.empty': {
    th: 'งบประมาณที่ใช้ดำเนินงานว่างเปล่า',
    en: 'The budget used is empty',
    fixTh: 'ระบุจำนวนเงิน เช่น "4,241,300" หรือ "none" หากไม่ใช้งบประมาณ',
    fixEn: 'Give the amount, e.g. "4,241,300", or "none" when no budget was used',
  },
  'budget.notANumber': {
    th: 'อ่านจำนวนเงินงบประมาณไม่ได้',
    en: 'The budget used is not an amount of money',
    fixTh: 'เขียนเป็นตัวเลข เช่น "4,241,300" หรือ "๔,๒๔๑,๓๐๐.๕๐ บาท" หรือ "none" หากไม่ใช้งบประมาณ',
    fixEn:
      'Write it as digits, e.g. "4,241,300" or "4241300.50", or "none" when no budget was used',
  },
  'budget.negative': {
    th: 'งบประมาณที่ใช้ติดลบ',
    en: 'The budget used is negative',
    fixTh: 'ระบุจำนวนเงินที่ใช้จริงเป็นจำนวนบวก หรือ "none" หากไม่ใช้งบประมาณ',
    fixEn: 'Give the amount actually spent as a positive number, or "none"',
  },
  'budget.tooManyDecimals': {
    th: 'งบประมาณมีทศนิยมเกิน ๒ ตำแหน่ง (หน่วยที่เล็กที่สุดคือสตางค์)',
    en: 'The budget has more than two decimal places (the smallest unit is the satang)',
    fixTh: 'ปัดเป็นสตางค์ เช่น "1250.50"',
    fixEn: 'Round it to satang, e.g. "1250.50"',
  },
  'budget.tooLarge': {
    th: 'งบประมาณสูงเกินกว่าที่เป็นไปได้',
    en: 'The budget is larger than any real amount',
    fixTh: 'ตรวจจำนวนหลักของตัวเลข (หน่วยเป็นบาท ไม่ใช่สตางค์)',
    fixEn: 'Check the number of digits (the unit is Baht, not satang)',
  },
  'budget.float': {
    th: 'งบประมาณเป็นตัวเลขทศนิยมแบบ JSON ซึ่งเก็บสตางค์ได้ไม่แม่นยำ',
    en: 'The budget is a fractional JSON number, which cannot hold satang exactly',
    fixTh: 'เขียนเป็นข้อความ เช่น "1250.50"',
    fixEn: 'Write it as a string, e.g. "1250.50"',
  },
  'body.empty': {
    th: '{field} ไม่มีเนื้อหา',
    en: '{field} has no content',
    fixTh: 'เพิ่มข้อความใน "paragraphs" หรือ "points"{noneHintTh}',
    fixEn: 'Add text to "paragraphs" or "points"{noneHintEn}',
  },
  'body.tooDeep': {
    th: '{field} ซ้อนกัน {depth} ระดับ เกิน {max} ระดับของแบบรายงาน (๑.๒.๑ → ๑) → ๑.๑) → (๑))',
    en: "{field} nests {depth} levels, more than the report outline's {max} (1.2.1 → 1) → 1.1) → (1))",
    fixTh: 'ย้ายข้อที่ลึกเกินขึ้นมาเป็นข้อของระดับที่ ๔ หรือรวมเป็นย่อหน้าต่อเนื่อง',
    fixEn:
      'Move the deepest points up to the fourth level or merge them into continuation paragraphs',
  },
  'round.itemNumber': {
    th: 'ลำดับแผนงานต้องเรียงต่อเนื่องจาก ๑ (ข้อนี้ควรเป็น {expected})',
    en: 'Plan items must be numbered 1, 2, 3 … in order (this one should be {expected})',
    fixTh: 'กำหนด "no" เป็น {expected} หรือจัดลำดับรายการใหม่',
    fixEn: 'Set "no" to {expected} or reorder the items',
  },
  'round.repeatedRole': {
    th: 'บทบาท {role} ซ้ำในสายการอนุมัติ',
    en: 'Role {role} appears twice in the approval chain',
    fixTh: 'ระบุแต่ละบทบาทเพียงครั้งเดียว',
    fixEn: 'List each role once',
  },
  'round.repeatedDivision': {
    th: 'รหัสหน่วยงาน {division} ซ้ำในรายชื่อหน่วยงาน',
    en: 'Division code {division} appears twice in the list of divisions',
    fixTh: 'ระบุชื่อของแต่ละหน่วยงานเพียงครั้งเดียว',
    fixEn: 'Name each division once',
  },
  'submission.roundMismatch': {
    th: 'รายงานนี้เป็นของ {received} ไม่ใช่รอบ {expected}',
    en: 'This submission is for {received}, not for the round {expected}',
    fixTh: 'ดาวน์โหลดแบบฟอร์มของรอบปัจจุบันแล้วกรอกใหม่ หรือแก้ agencyId/fiscalYear/period',
    fixEn: "Download the current round's template, or correct agencyId/fiscalYear/period",
  },
  'submission.unknownItem': {
    th: 'ไม่มีแผนงานลำดับที่ {itemNo} ในรอบนี้',
    en: 'There is no plan item {itemNo} in this round',
    fixTh: 'ตรวจเลขลำดับแผนงาน (itemNo) กับรายการที่ผู้ประสานงานกำหนด',
    fixEn: "Check itemNo against the coordinator's list of plan items",
  },
  'submission.wrongDivision': {
    th: 'แผนงานลำดับที่ {itemNo} เป็นความรับผิดชอบของ {expected} ไม่ใช่ {received}',
    en: 'Plan item {itemNo} belongs to division {expected}, not {received}',
    fixTh: 'ส่งเฉพาะแผนงานที่หน่วยของท่านรับผิดชอบ หรือแจ้งผู้ประสานงานหากการมอบหมายไม่ถูกต้อง',
    fixEn: "Submit only your division's items, or ask the coordinator to correct the assignment",
  },
  'report.missingSubmission': {
    th: 'แผนงานลำดับที่ {itemNo} ยังไม่มีรายงานผล',
    en: 'Plan item {itemNo} has no submission',
    fixTh: 'ให้ {division} ส่งรายงานผลของแผนงานนี้',
    fixEn: 'Ask {division} to submit this item',
  },
  'report.duplicateSubmission': {
    th: 'แผนงานลำดับที่ {itemNo} มีรายงานผลมากกว่าหนึ่งฉบับ',
    en: 'Plan item {itemNo} has more than one submission',
    fixTh: 'เก็บไว้เฉพาะฉบับล่าสุดที่ได้รับอนุมัติ',
    fixEn: 'Keep only the latest approved one',
  },
  'outline.empty': {
    th: 'ไฟล์ไม่มีข้อความ',
    en: 'The file has no text',
    fixTh: 'ส่งไฟล์รายงานที่มีเนื้อหา',
    fixEn: 'Send the report file with its content',
  },
  'outline.noTitle': {
    th: '{whereTh}: ไม่พบชื่อรายงานที่ระบุปีงบประมาณและรอบ',
    en: '{whereEn}: no title naming the fiscal year and round was found',
    fixTh:
      'ขึ้นต้นไฟล์ด้วย "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน"',
    fixEn:
      'Start the file with the title, e.g. "… ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ รอบ ๖ เดือน" (fiscal year and 6- or 12-month round)',
  },
  'outline.noItems': {
    th: 'ไม่พบโครงการ/กิจกรรม (หัวข้อแบบ "๑. โครงการ…")',
    en: 'No plan item was found (a heading such as "1. โครงการ…")',
    fixTh: 'ขึ้นต้นแต่ละโครงการ/กิจกรรมด้วยเลขลำดับ จุด และชื่อ เช่น "๑. กิจกรรม…"',
    fixEn: 'Start each plan item with its number, a dot and its title, e.g. "1. กิจกรรม…"',
  },
  'outline.itemKind': {
    th: '{whereTh}: ชื่อแผนงานต้องขึ้นต้นด้วย "โครงการ" "กิจกรรม" หรือ "มาตรการ"',
    en: '{whereEn}: a plan item title must start with "โครงการ" (project), "กิจกรรม" (activity) or "มาตรการ" (measure)',
    fixTh: 'เติมประเภทหน้าชื่อแผนงาน เช่น "๑. กิจกรรมการ…"',
    fixEn: 'Put the kind before the title, e.g. "1. กิจกรรม…"',
  },
  'outline.textOutsideItem': {
    th: '{whereTh}: พบข้อความนอกโครงการ/กิจกรรม',
    en: '{whereEn}: text found outside any plan item',
    fixTh: 'ย้ายข้อความไปไว้ในหัวข้อย่อยของโครงการ/กิจกรรม หรือขึ้นต้นแผนงานใหม่ด้วย "{next}. โครงการ…"',
    fixEn: 'Move it under a section of a plan item, or start the next item with "{next}. โครงการ…"',
  },
  'outline.contentBeforeSection': {
    th: '{whereTh}: พบเนื้อหาก่อนหัวข้อ {expected}',
    en: '{whereEn}: content comes before the heading {expected}',
    fixTh: 'เพิ่มหัวข้อ "{expected}" ไว้ก่อนเนื้อหานี้',
    fixEn: 'Add the heading "{expected}" before this content',
  },
  'outline.missingSection': {
    th: '{whereTh}: แผนงานลำดับที่ {itemNo} ขาดหัวข้อ {expected}',
    en: '{whereEn}: plan item {itemNo} lacks the section {expected}',
    fixTh: 'เพิ่มหัวข้อ "{expected}" และเนื้อหา (เขียน "ไม่มี" หากไม่มี)',
    fixEn: 'Add the section "{expected}" with its content (write "ไม่มี" if there is nothing)',
  },
  'outline.sectionOrder': {
    th: '{whereTh}: หัวข้อ {found} อยู่ผิดลำดับหรือซ้ำ',
    en: '{whereEn}: the section {found} is out of order or repeated',
    fixTh: 'เรียงหัวข้อเป็น วัตถุประสงค์ ความก้าวหน้า งบประมาณ ปัญหา/อุปสรรค ข้อเสนอแนะ อย่างละหนึ่งครั้ง',
    fixEn:
      'Give the sections once each, in the order objectives, progress, budget, problems, recommendations',
  },
  'outline.skippedLevel': {
    th: '{whereTh}: ข้อ {found} ไม่มีข้อระดับบนรองรับ (ต้องมี {expected} ก่อน)',
    en: '{whereEn}: point {found} has no parent point above it (expected a {expected} point first)',
    fixTh: 'เพิ่มข้อระดับบน หรือเปลี่ยนเลขข้อให้ตรงระดับ',
    fixEn: 'Add the parent point, or renumber this one at the right level',
  },
  'outline.budget': {
    th: '{whereTh}: อ่านงบประมาณที่ใช้ดำเนินงานไม่ได้ ("{found}")',
    en: '{whereEn}: the budget used cannot be read ("{found}")',
    fixTh: 'เขียนจำนวนเงิน เช่น "๔,๒๔๑,๓๐๐ บาท" หรือ "ไม่ใช้งบประมาณ"',
    fixEn: 'Write the amount, e.g. "๔,๒๔๑,๓๐๐ บาท" or "4,241,300 บาท", or "ไม่ใช้งบประมาณ" (none)',
  },
  'outline.budgetParagraphs': {
    th: '{whereTh}: หัวข้องบประมาณมีได้เพียงบรรทัดเดียว',
    en: '{whereEn}: the budget section holds one line only',
    fixTh: 'เหลือเฉพาะจำนวนเงินที่ใช้ (ย้ายคำอธิบายไปที่ความก้าวหน้าการดำเนินการ)',
    fixEn: 'Keep only the amount used (move any explanation to the progress section)',
  },
  'outline.emptySection': {
    th: '{whereTh}: หัวข้อ {expected} ไม่มีเนื้อหา',
    en: '{whereEn}: the section {expected} is empty',
    fixTh: 'เพิ่มเนื้อหา หรือเขียน "ไม่มี"',
    fixEn: 'Add its content, or write "ไม่มี" (none)',
  },
  'outline.numberingSlip': {
    th: '{whereTh}: เลขข้อ {found} ไม่ตรงลำดับ (ควรเป็น {expected}) ระบบจะพิมพ์เป็น {expected}',
    en: '{whereEn}: point number {found} is out of sequence (expected {expected}); it is rendered as {expected}',
    fixTh: 'ไม่ต้องแก้ไข เลขข้อคำนวณจากตำแหน่งโดยอัตโนมัติ',
    fixEn: 'Nothing to do: numbers are derived from position',
  },
  'outline.pageBreakJoined': {
    th: '{whereTh}: ย่อหน้าที่ถูกแบ่งด้วยการขึ้นหน้าใหม่ถูกรวมกับย่อหน้าก่อนหน้า',
    en: '{whereEn}: a paragraph split by a page break was joined to the one before',
    fixTh: 'ตรวจว่าการรวมถูกต้อง หากเป็นย่อหน้าใหม่ให้เว้นบรรทัดว่างแทนการขึ้นหน้าใหม่',
    fixEn:
      'Check the join; if it is a new paragraph, separate it with a blank line rather than a page break',
  },
  'outline.headingWording': {
    th: '{whereTh}: หัวข้อ "{found}" จะพิมพ์ตามแบบมาตรฐานเป็น "{expected}"',
    en: '{whereEn}: the heading "{found}" is printed in its standard wording "{expected}"',
    fixTh: 'ไม่ต้องแก้ไข',
    fixEn: 'Nothing to do',
  },
  // ── Word files (issue 11): what a .docx holds beyond its text, and files that are not .docx ──
  'word.empty': {
    th: 'ไฟล์ว่างเปล่า (0 ไบต์) ไม่มีเนื้อหาให้อ่าน',
    en: 'The file is empty (0 bytes): there is nothing to read',
    fixTh:
      'เปิดรายงานใน Word ตรวจว่ามีเนื้อหา แล้วเลือก ไฟล์ > บันทึกเป็น > "เอกสาร Word (*.docx)" แล้วส่งไฟล์นั้นอีกครั้ง',
    fixEn:
      'Open the report in Word, check it has its content, choose File > Save As > "Word Document (*.docx)" and send that file again',
  },
  'word.truncated': {
    th: 'ไฟล์ Word ไม่ครบ ส่วนท้ายของไฟล์หายไป (มักเกิดจากการดาวน์โหลดหรือคัดลอกไม่สำเร็จ)',
    en: 'The Word file is incomplete: its end is missing (usually a download or copy that did not finish)',
    fixTh: 'เปิดไฟล์ต้นฉบับใน Word แล้วบันทึกใหม่ (ไฟล์ > บันทึกเป็น > .docx) แล้วส่งไฟล์ที่บันทึกใหม่',
    fixEn:
      'Open the original in Word, save it again (File > Save As > .docx) and send the new file',
  },
  'word.damaged': {
    th: 'ไฟล์ Word เสียหาย บางส่วนของไฟล์คลายการบีบอัดไม่ได้',
    en: 'The Word file is damaged: part of it cannot be unpacked',
    fixTh:
      'เปิดไฟล์ใน Word (หาก Word เสนอให้กู้คืนเนื้อหา ให้ตอบตกลง) ตรวจเนื้อหา แล้วเลือก ไฟล์ > บันทึกเป็น > .docx และส่งไฟล์ใหม่',
    fixEn:
      'Open it in Word (accept if Word offers to recover the contents), check the text, then File > Save As > .docx and send the new file',
  },
  'word.legacyDoc': {
    th: 'ไฟล์นี้เป็น Word รุ่นเก่า (.doc ของ Word 97–2003) ซึ่งระบบไม่รับ',
    en: 'This is an old-format Word file (.doc, Word 97–2003), which is not accepted',
    fixTh: 'เปิดไฟล์ใน Word แล้วเลือก ไฟล์ > บันทึกเป็น > ชนิดไฟล์ "เอกสาร Word (*.docx)" แล้วส่งไฟล์ .docx',
    fixEn:
      'Open it in Word, choose File > Save As > Save as type "Word Document (*.docx)" and send the .docx file',
  },
  'word.encrypted': {
    th: 'ไฟล์ Word นี้ตั้งรหัสผ่านไว้ ระบบจึงเปิดอ่านไม่ได้',
    en: 'This Word file is protected with a password, so it cannot be opened',
    fixTh:
      'เอารหัสผ่านออกก่อนส่ง: ใน Word เลือก ไฟล์ > ข้อมูล > ป้องกันเอกสาร > เข้ารหัสด้วยรหัสผ่าน ลบรหัสผ่านให้ว่าง กดตกลง บันทึก แล้วส่งอีกครั้ง',
    fixEn:
      'Remove the password before sending: in Word choose File > Info > Protect Document > Encrypt with Password, delete the password, OK, save, and send it again',
  },
  'word.pdf': {
    th: 'ไฟล์นี้เป็น PDF ไม่ใช่ไฟล์ Word (.docx)',
    en: 'This is a PDF file, not a Word file (.docx)',
    fixTh: 'ส่งไฟล์ Word (.docx) ต้นฉบับที่ใช้สร้าง PDF นี้ หรือส่งเนื้อหาเป็นไฟล์ .txt ตามแบบรายงาน',
    fixEn:
      'Send the Word file (.docx) the PDF was made from, or send the content as a .txt file in the standard outline',
  },
  'word.rtf': {
    th: 'ไฟล์นี้เป็น Rich Text (.rtf) ไม่ใช่ไฟล์ Word (.docx)',
    en: 'This is a Rich Text file (.rtf), not a Word file (.docx)',
    fixTh: 'เปิดไฟล์ใน Word แล้วเลือก ไฟล์ > บันทึกเป็น > ชนิดไฟล์ "เอกสาร Word (*.docx)" แล้วส่งไฟล์ .docx',
    fixEn:
      'Open it in Word, choose File > Save As > Save as type "Word Document (*.docx)" and send the .docx file',
  },
  'word.odt': {
    th: 'ไฟล์นี้เป็นเอกสาร OpenDocument (.odt) ของ LibreOffice ไม่ใช่ไฟล์ Word (.docx)',
    en: 'This is an OpenDocument text (.odt, from LibreOffice), not a Word file (.docx)',
    fixTh:
      'ใน LibreOffice Writer เลือก ไฟล์ > บันทึกเป็น > ชนิดไฟล์ "Word 2007–365 (.docx)" แล้วกด "ใช้รูปแบบ Word" แล้วส่งไฟล์ .docx',
    fixEn:
      'In LibreOffice Writer choose File > Save As > File type "Word 2007–365 (.docx)", confirm "Use Word 2007–365!" and send the .docx file',
  },
  'word.notFilledIn': {
    th: '{whereTh}: หัวข้อ "{section}" ยังไม่ได้กรอก (ยังเป็นข้อความแนะนำของแบบฟอร์ม)',
    en: '{whereEn}: the section "{section}" is not filled in (it still shows the form\'s hint)',
    fixTh: 'คลิกที่ข้อความแนะนำแล้วพิมพ์เนื้อหาแทน หรือพิมพ์ "ไม่มี" หากไม่มีเรื่องที่จะรายงาน',
    fixEn:
      'Click the hint and type the content over it, or type "ไม่มี" (none) if there is nothing to report',
  },
  'word.hiddenText': {
    th: '{whereTh}: ข้อความที่ซ่อนไว้ (hidden text) ไม่ถูกนำเข้าและจะไม่เผยแพร่',
    en: '{whereEn}: hidden text was left out and will not be published',
    fixTh: 'หากต้องการให้เผยแพร่ ให้เลือกข้อความนั้น แล้วที่ หน้าแรก > ฟอนต์ ยกเลิกเครื่องหมาย "ซ่อน" แล้วส่งอีกครั้ง',
    fixEn:
      'To publish it, select the text, open Home > Font, clear "Hidden" and send the file again',
  },
  'word.thaiDigitFont': {
    th: '{whereTh}: ตัวเลขในฟอนต์ {font} แสดงเป็นเลขไทย จึงบันทึกเป็นเลขไทยตามที่เห็นในเอกสาร',
    en: '{whereEn}: digits in the font {font} show as Thai digits, so they were stored as the Thai digits seen in the document',
    fixTh: 'ไม่ต้องแก้ไข',
    fixEn: 'Nothing to do',
  },
  'word.textBox': {
    th: '{whereTh}: ข้อความในกล่องข้อความถูกอ่านต่อจากย่อหน้านี้',
    en: '{whereEn}: the text of a text box was read after this paragraph',
    fixTh: 'ตรวจว่าอยู่ถูกตำแหน่ง หากไม่ใช่ ให้ย้ายข้อความออกจากกล่องข้อความมาเป็นย่อหน้าปกติ',
    fixEn:
      'Check it is in the right place; if not, move the text out of the text box into an ordinary paragraph',
  },
  'outline.signatureBlock': {
    th: '{whereTh}: "{found}" ดูเป็นส่วนลงชื่อหรือข้อมูลติดต่อของผู้รายงาน ไม่ใช่เนื้อหาของหัวข้อ',
    en: '{whereEn}: "{found}" looks like the reporter\'s signature or contact details, not content of the section',
    fixTh:
      'ลบส่วนลงชื่อ ชื่อ ตำแหน่ง เบอร์โทรศัพท์และอีเมลออกจากไฟล์ (ระบบบันทึกผู้ส่งไว้แล้ว และรายงานที่เผยแพร่ต้องไม่มีเบอร์โทรหรืออีเมล)',
    fixEn:
      'Delete the signature, name, position, phone number and e-mail from the file (the system records who sent it, and a published report must carry no phone number or e-mail)',
  },
  // ── end of Word files (issue 11) ──
  invalid: {
    th: '{field} ไม่ถูกต้อง',
    en: '{field} is not valid',
    fixTh: 'ตรวจค่ากับแบบ (JSON Schema) ของเอกสาร',
    fixEn: "Check the value against the document's JSON Schema",
  },
};

/** Field-specific hints that make "missing" actionable for the ITA fields. */
export const FIELD_HINTS: Record<string, { th: string; en: string }> = {
  objectives: {
    th: 'วัตถุประสงค์อย่างน้อยหนึ่งย่อหน้า',
    en: 'at least one paragraph of objectives',
  },
  progress: {
    th: 'ความก้าวหน้าการดำเนินการอย่างน้อยหนึ่งข้อ',
    en: 'at least one point of progress',
  },
  budgetUsed: {
    th: 'จำนวนเงิน เช่น "4,241,300" หรือ "none" หากไม่ใช้งบประมาณ',
    en: 'an amount such as "4,241,300", or "none" when no budget was used',
  },
  problems: {
    th: 'ปัญหา/อุปสรรค หรือ "none" หากไม่มี',
    en: 'the problems met, or "none"',
  },
  recommendations: {
    th: 'ข้อเสนอแนะ หรือ "none" หากไม่มี',
    en: 'the recommendations, or "none"',
  },
};

/**
 * Fills {placeholders}; unknown ones are left visible rather than dropped.
 * Values may quote input, so they are shown through displayValue.
 */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? displayValue(String(values[key])) : whole,
  );
}
