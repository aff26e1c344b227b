/**
 * The catalogue pages' three small scripts, served as static files: the
 * language switch, the search (thai-search-engine.ts, passed to the page as
 * its own source) and the verify page (sha256 with crypto.subtle, compared
 * with index.json). Plain browser JavaScript, no framework, no server.
 */

import { agenciesHolding } from '../catalogue/search-term-map.js';
import { thaiSearchEngine } from '../catalogue/thai-search-engine.js';

export const LANGUAGE_SCRIPT = `(() => {
  const root = document.documentElement;
  const apply = (ui) => {
    if (ui === 'en') root.dataset.ui = 'en'; else delete root.dataset.ui;
    root.lang = ui === 'en' ? 'en' : 'th';
    const button = document.getElementById('language-switch');
    if (button) {
      button.textContent = ui === 'en' ? 'ภาษาไทย' : 'English';
      button.lang = ui === 'en' ? 'th' : 'en';
    }
  };
  let ui = 'th';
  try { ui = localStorage.getItem('acm-report-ui') === 'en' ? 'en' : 'th'; } catch {}
  document.addEventListener('DOMContentLoaded', () => {
    apply(ui);
    document.getElementById('language-switch')?.addEventListener('click', () => {
      ui = ui === 'en' ? 'th' : 'en';
      try { localStorage.setItem('acm-report-ui', ui); } catch {}
      apply(ui);
    });
  });
})();
`;

/**
 * The engine's source as this process holds it. Run through tsx (the local
 * stack), esbuild's keepNames wraps named functions in __name(…); the page
 * gives that helper its meaning (keep the function as it is).
 */
export function engineSource(): string {
  return `((__name) => (${thaiSearchEngine.toString()})())((target) => target)`;
}

/** agenciesHolding (search-term-map.ts) as the page runs it: its own source, like the engine's. */
export function agenciesHoldingSource(): string {
  return `((__name) => (${agenciesHolding.toString()}))((target) => target)`;
}

/** Results a search shows; the sharded search stops fetching once it has found these. */
export const SHOWN_RESULTS = 100;
/** Agency indexes the sharded search fetches at once. */
export const SHARDS_PER_FETCH = 8;

export const SEARCH_SCRIPT = `(() => {
  const engine = ${engineSource()};
  const agenciesHolding = ${agenciesHoldingSource()};
  const thai = new Intl.NumberFormat('th-TH-u-nu-thai');
  const both = (th, en) => {
    const span = (lang, text) => { const s = document.createElement('span'); s.className = lang; s.lang = lang; s.textContent = text; return s; };
    return [span('th', th), span('en', en)];
  };
  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('search-form');
    if (!form) return;
    const input = document.getElementById('search-input');
    const status = document.getElementById('search-status');
    const results = document.getElementById('search-results');
    // Each file is fetched once; a failed fetch is forgotten, so the next search retries it.
    const files = new Map();
    const fetchJson = (url) => {
      if (!files.has(url)) files.set(url, fetch(url).then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      }).catch((error) => { files.delete(url); throw error; }));
      return files.get(url);
    };
    const hitsIn = (parts, query) => parts.flatMap((part) => engine.search(part, query, 200));
    // The agency page searches its own index; the catalogue page the sharded merged one:
    // the term map first, then the indexes of agencies holding every term of the query, a
    // few at a time, until a page of results is found (a common word need not fetch them all).
    const search = async (query) => {
      if (form.dataset.index) {
        return { hits: hitsIn((await fetchJson(form.dataset.index)).parts, query), unread: 0 };
      }
      const map = await fetchJson(form.dataset.terms);
      const terms = engine.splitQuery(query, (term) => Object.hasOwn(map.terms, term));
      const ids = terms ? agenciesHolding(map, terms) : [];
      const hits = [];
      let read = 0;
      while (read < ids.length && hits.length < ${SHOWN_RESULTS}) {
        const batch = ids.slice(read, read + ${SHARDS_PER_FETCH});
        const indexes = await Promise.all(batch.map((id) =>
          fetchJson(form.dataset.shards + encodeURIComponent(id) + '.json')));
        for (const index of indexes) hits.push(...hitsIn(index.parts, query));
        read += batch.length;
      }
      return { hits, unread: ids.length - read };
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const query = input.value.trim();
      results.replaceChildren();
      if (!query) return;
      let found;
      try { found = await search(query); } catch {
        status.replaceChildren(...both('โหลดดัชนีค้นหาไม่สำเร็จ ลองอีกครั้ง', 'The search index did not load; try again'));
        return;
      }
      const { hits, unread } = found;
      const shown = Math.min(hits.length, ${SHOWN_RESULTS});
      status.replaceChildren(...(unread > 0
        ? both('พบมากกว่า ' + thai.format(shown) + ' รายการ แสดง ' + thai.format(shown) + ' รายการแรก เพิ่มคำค้นเพื่อให้แคบลง',
          'More than ' + shown + ' results; the first ' + shown + ' are shown. Add words to narrow it down')
        : hits.length
        ? both('พบ ' + thai.format(hits.length) + ' รายการ', hits.length + (hits.length === 1 ? ' result' : ' results'))
        : both('ไม่พบคำนี้ในรายงานที่เผยแพร่', 'No published report has these words')));
      for (const hit of hits.slice(0, ${SHOWN_RESULTS})) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = form.dataset.root + hit.report.href;
        a.textContent = hit.report.agency + ' · ' + hit.report.title;
        const p = document.createElement('p');
        p.textContent = thai.format(hit.itemNo) + '. ' + hit.itemTitle;
        li.append(a, p);
        results.append(li);
      }
    });
  });
})();
`;

export const VERIFY_SCRIPT = `(() => {
  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const both = (th, en) => {
    const span = (lang, text) => { const s = document.createElement('span'); s.className = lang; s.lang = lang; s.textContent = text; return s; };
    return [span('th', th), span('en', en)];
  };
  document.addEventListener('DOMContentLoaded', () => {
    const zone = document.getElementById('drop');
    const input = document.getElementById('verify-input');
    const result = document.getElementById('verify-result');
    if (!zone || !input || !result) return;
    let index;
    const known = async () => {
      if (index) return index;
      const response = await fetch(zone.dataset.index, { cache: 'no-cache' });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      const map = new Map();
      for (const report of body.reports ?? []) {
        for (const kind of ['json', 'pdf', 'html']) {
          if (report.sha256?.[kind]) map.set(report.sha256[kind], { report, path: report.paths[kind] });
        }
        for (const file of Object.values(report.catalogue?.files ?? {})) map.set(file.sha256, { report, path: file.path });
      }
      index = map;
      return map;
    };
    const check = async (file) => {
      result.replaceChildren(...both('กำลังตรวจสอบ…', 'Checking…'));
      let map;
      try { map = await known(); } catch {
        result.replaceChildren(...both('โหลดรายการไฟล์ที่เผยแพร่ไม่สำเร็จ ลองอีกครั้ง', 'The list of published files did not load; try again'));
        return;
      }
      const digest = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
      const found = map.get(digest);
      const line = document.createElement('p');
      if (found) {
        const r = found.report;
        const signed = r.catalogue?.signOff;
        line.className = 'ok';
        line.append(...both(
          'ตรงกับไฟล์ที่เผยแพร่: ' + r.agencyNameTh + ' ปีงบประมาณ ' + r.fiscalYear + ' ' + r.period + ' ฉบับที่ ' + r.version + (signed ? ' ลงนามโดย ' + signed.name + (signed.position ? ' (' + signed.position + ')' : '') : ''),
          'Matches a published, signed-off file: ' + r.agencyNameTh + ' FY ' + r.fiscalYear + ' ' + r.period + ' version ' + r.version + (signed ? ', signed off by ' + signed.name : ''),
        ));
      } else {
        line.className = 'bad';
        line.append(...both(
          'ไม่ตรงกับไฟล์ใดที่เผยแพร่: ไฟล์นี้อาจถูกแก้ไข หรือไม่ใช่ฉบับที่ลงนามแล้ว',
          'Matches no published file: it may have been altered, or is not a signed-off version',
        ));
      }
      const code = document.createElement('p');
      const c = document.createElement('code');
      c.textContent = 'sha256 ' + digest;
      code.append(c);
      result.replaceChildren(line, code);
    };
    input.addEventListener('change', () => { if (input.files?.[0]) check(input.files[0]); });
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const file = event.dataTransfer?.files?.[0];
      if (file) check(file);
    });
  });
})();
`;
