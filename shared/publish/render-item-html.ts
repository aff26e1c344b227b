/**
 * One plan item of the report as HTML: a heading per item and section,
 * numbered points as nested lists (numbers derived exactly as in the text
 * and PDF). The published page and the portal's preview both call this, so
 * what a division and its approvers see is what prints. Pure: no Node API,
 * so the browser bundle can import it.
 */

import { itemLabel, pointLabel, sectionLabel } from '../report/outline-labels.js';
import { budgetText } from '../report/report-blocks.js';
import {
  NONE_TH,
  SECTION_ORDER,
  type SectionKey,
  sectionHeadingTh,
} from '../report/section-headings.js';
import type { ReportItemValue } from '../schemas/report-schema.js';
import type { NoneOrSectionBody, OutlinePoint } from '../schemas/text-fields.js';
import { escapeHtml as e } from './escape-html.js';

/** A numbered line with a hanging indent; the space after the number is real, for copy and paste. */
function hanging(depth: number, label: string, text: string): string {
  return `<p class="hang d${depth}"><span class="no">${e(label)}</span> ${e(text)}</p>`;
}

function points(
  itemNo: number,
  sectionNo: number,
  list: readonly OutlinePoint[],
  position: number[],
): string {
  const items = list.map((point, index) => {
    const here = [...position, index + 1];
    const depth = here.length;
    const continuation = (point.paragraphs ?? [])
      .map((p) => `<p class="cont d${depth}">${e(p)}</p>`)
      .join('');
    const children = point.points?.length ? points(itemNo, sectionNo, point.points, here) : '';
    return `<li>${hanging(depth, pointLabel(itemNo, sectionNo, here), point.text)}${continuation}${children}</li>`;
  });
  return `<ol class="outline">${items.join('')}</ol>`;
}

function body(itemNo: number, sectionNo: number, value: NoneOrSectionBody): string {
  if (value === 'none') return `<p class="lead">${NONE_TH}</p>`;
  const lead = (value.paragraphs ?? []).map((p) => `<p class="lead">${e(p)}</p>`).join('');
  return lead + (value.points?.length ? points(itemNo, sectionNo, value.points, []) : '');
}

function sectionContent(item: ReportItemValue, key: SectionKey, sectionNo: number): string {
  if (key === 'budgetUsed') return `<p class="lead">${e(budgetText(item.budgetUsed))}</p>`;
  return body(item.no, sectionNo, item[key]);
}

/** One plan item as the report prints it: its heading, five sections and the separator. */
export function renderItemSectionHtml(item: ReportItemValue): string {
  const id = `item-${item.no}`;
  const sections = SECTION_ORDER.map((key, index) => {
    const sectionNo = index + 1;
    const headingId = `${id}-${sectionNo}`;
    return `<section class="section" aria-labelledby="${headingId}"><h3 id="${headingId}"><span class="no">${sectionLabel(item.no, sectionNo)}</span> ${e(sectionHeadingTh(key, item.kind))}</h3>${sectionContent(item, key, sectionNo)}</section>`;
  });
  return `<section class="item" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title"><span class="no">${itemLabel(item.no)}</span> ${e(item.title)}</h2>${sections.join('')}<p class="separator" aria-hidden="true">.....</p></section>`;
}
