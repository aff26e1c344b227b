/** Validation problems, each next to the line, Word paragraph or field it concerns, Thai and English. */

import type { ValidationProblem } from '../../../shared/validation/validation-problem.js';
import { formatDigits } from '../i18n/format.js';
import { usePortal } from '../portal-context.js';
import { sectionOfField } from '../preview/section-names.js';
import { groupProblems, type ProblemSource } from './problem-groups.js';

export function ProblemList(props: {
  problems: readonly ValidationProblem[];
  total?: number;
  source?: ProblemSource;
  headingLevel?: 3 | 4;
  itemNo?: number;
}) {
  const { lang, t } = usePortal();
  const groups = groupProblems(props.problems, props.source);
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  const other = lang === 'th' ? 'en' : 'th';
  return (
    <section class="problems" aria-label={t('errorsHeading')}>
      <Heading>
        {t('errorsHeading')} (
        {t('problemsFound', { n: formatDigits(props.total ?? props.problems.length, lang) })})
      </Heading>
      <ol class="problem-groups">
        {groups.map((group) => (
          <li key={group.key} class="problem-group">
            <p class="where">
              <strong>
                {group.cell
                  ? `${t('tableCell', {
                      table: formatDigits(group.cell.table, lang),
                      row: formatDigits(group.cell.row, lang),
                      column: formatDigits(group.cell.column, lang),
                    })} · `
                  : null}
                {group.paragraph !== undefined
                  ? t('paragraph', { n: formatDigits(group.paragraph, lang) })
                  : group.line !== undefined
                    ? t('line', { n: formatDigits(group.line, lang) })
                    : group.path === '$'
                      ? t('wholeFile')
                      : (sectionOfField(group.field, lang, props.itemNo) ?? group.path)}
              </strong>
              {group.path && group.path !== '$' ? <code class="path">{group.path}</code> : null}
            </p>
            {group.excerpt ? (
              <p class="excerpt">
                <span class="visually-hidden">{t('inFile')}: </span>
                <q>{group.excerpt}</q>
              </p>
            ) : null}
            <ul class="problem-list">
              {group.problems.map((problem, index) => (
                <li key={`${problem.code}-${index}`} class="problem">
                  <p class="message">{problem.message[lang]}</p>
                  <p class="fix">
                    <span class="label">{t('howToFix')}:</span> {problem.fix[lang]}
                  </p>
                  <p class="other-language" lang={other}>
                    {problem.message[other]}
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
