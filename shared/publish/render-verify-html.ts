/**
 * The verify page: drop a PDF or JSON (or choose it) and the browser
 * computes its sha256 and says whether it is a published, signed-off file.
 * Nothing is uploaded; the comparison is with the site's index.json.
 */

import { SITE_PATHS } from '../catalogue/site-paths.js';
import { escapeHtml as e } from './escape-html.js';
import { bi, relativeLink, renderCataloguePage } from './render-catalogue-page.js';

export function renderVerifyHtml(): string {
  const path = SITE_PATHS.verifyHtml;
  const body = `<p>${bi('ไฟล์จะไม่ถูกส่งไปที่ใด: เบราว์เซอร์คำนวณค่า sha256 แล้วเทียบกับรายการไฟล์ที่เผยแพร่', 'The file goes nowhere: your browser computes its sha256 and compares it with the list of published files')}</p>
<div class="drop" id="drop" data-index="${e(relativeLink(path, 'index.json'))}">
<p>${bi('ลากไฟล์ PDF หรือ JSON มาวางที่นี่ หรือ', 'Drop a PDF or JSON file here, or')}</p>
<label for="verify-input">${bi('เลือกไฟล์', 'Choose a file')}</label>
<input id="verify-input" type="file" accept=".pdf,.json,.html,.csv,application/pdf,application/json">
</div>
<div id="verify-result" role="status" aria-live="polite"></div>`;
  return renderCataloguePage({
    path,
    titleTh: 'ตรวจสอบไฟล์รายงาน',
    titleEn: 'Verify a report file',
    body,
    scripts: [SITE_PATHS.verifyScript],
  });
}
