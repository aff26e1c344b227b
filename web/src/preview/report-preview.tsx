/**
 * A preview that is exactly what prints: the published page's own section
 * renderer and stylesheet, in an iframe so neither page's styles leak into
 * the other. Sized to its content, so the page scrolls, not the frame.
 */

import { useEffect, useRef } from 'preact/hooks';
import { escapeHtml } from '../../../shared/publish/escape-html.js';
import { renderItemSectionHtml } from '../../../shared/publish/render-item-html.js';
import { REPORT_PAGE_CSS, sarabunFaces } from '../../../shared/publish/report-page-css.js';
import { reportTitleLines } from '../../../shared/report/report-title.js';
import type { ReportItemValue } from '../../../shared/schemas/report-schema.js';
import type { Period } from '../../../shared/thai/fiscal-period.js';

export interface PreviewProps {
  title: string;
  items: readonly ReportItemValue[];
  /** Print the report's title block above the items (the sign-off preview). */
  heading?: { fiscalYear: number; period: Period; agencyNameTh: string };
}

export function previewDocument(props: PreviewProps, fontBase: string): string {
  const head = props.heading
    ? `<header class="report-head"><p class="agency">${escapeHtml(props.heading.agencyNameTh)}</p><h1>${reportTitleLines(
        props.heading.fiscalYear,
        props.heading.period,
      )
        .map((line) => `<span>${escapeHtml(line)}</span>`)
        .join(' ')}</h1></header>`
    : '';
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(props.title)}</title><style>${sarabunFaces(fontBase)}\n${REPORT_PAGE_CSS}\n.page{padding:.5rem .75rem 1rem}</style></head><body><div class="page">${head}<main>${props.items.map(renderItemSectionHtml).join('')}</main></div></body></html>`;
}

export function ReportPreview(props: PreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const fontBase = new URL('fonts', document.baseURI).href;
  const html = previewDocument(props, fontBase);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const fit = () => {
      const body = element.contentDocument?.documentElement;
      if (body) element.style.height = `${body.scrollHeight + 4}px`;
    };
    element.addEventListener('load', fit);
    const timer = setInterval(fit, 500);
    return () => {
      element.removeEventListener('load', fit);
      clearInterval(timer);
    };
  }, [html]);
  // Sandboxed: nothing in the report may run script, submit, open windows or navigate the
  // portal. allow-same-origin (without allow-scripts, so nothing inside can use it) lets the
  // portal read the document's height to size the frame.
  return (
    <iframe
      ref={frame}
      class="report-preview"
      title={props.title}
      sandbox="allow-same-origin"
      srcdoc={html}
    />
  );
}
