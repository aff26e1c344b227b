/**
 * Opening a round: send a plan file (round.json, as the CLI's import writes
 * it) or fill in the form; the API validates either and answers with every
 * problem, shown beside its field.
 */

import { useState } from 'preact/hooks';
import type { ValidationProblem } from '../../../shared/validation/validation-problem.js';
import { PortalApiError } from '../api/portal-api.js';
import { usePortal } from '../portal-context.js';
import { ProblemList } from '../ui/problem-list.js';

interface Row {
  kind: 'project' | 'activity' | 'measure';
  title: string;
  division: string;
  /** The division's Thai name, which people read instead of the code. */
  divisionName: string;
}

const EMPTY_ROW: Row = { kind: 'project', title: '', division: '', divisionName: '' };

/** Each division code once, with the first name given for it (a code left unnamed stays unnamed). */
function divisionsOf(rows: readonly Row[]) {
  const named = new Map<string, string>();
  for (const row of rows) {
    const code = row.division.trim();
    const name = row.divisionName.trim();
    if (code && name && !named.has(code)) named.set(code, name);
  }
  return [...named].map(([code, nameTh]) => ({ code, nameTh }));
}

const CHAIN = ['division-director', 'anti-corruption-centre', 'internal-audit'] as const;

export function OpenRoundForm(props: { onOpened: (roundId: string) => void }) {
  const { api, agencyId, t } = usePortal();
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [opened, setOpened] = useState<string | undefined>();
  const [rows, setRows] = useState<Row[]>([EMPTY_ROW]);
  const [chain, setChain] = useState<string[]>(['division-director', 'anti-corruption-centre']);

  async function open(round: unknown) {
    setProblems([]);
    setOpened(undefined);
    try {
      const { roundId } = await api.openRound(agencyId, round);
      setOpened(roundId);
      props.onOpened(roundId);
    } catch (error) {
      if (error instanceof PortalApiError) setProblems(error.problems);
      else throw error;
    }
  }

  async function fromFile(file: File) {
    let round: unknown;
    try {
      round = JSON.parse(await file.text());
    } catch {
      round = {};
    }
    await open(round);
  }

  function fromForm(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    void open({
      type: 'round',
      schemaVersion: 1,
      agency: { id: agencyId, nameTh: text('agencyName') },
      fiscalYear: Number(text('fiscalYear')),
      period: text('period'),
      due: text('due'),
      approvalChain: CHAIN.filter((role) => chain.includes(role)),
      items: rows.map(({ divisionName: _name, ...row }, index) => ({ no: index + 1, ...row })),
      divisions: divisionsOf(rows),
    });
  }

  const setRow = (index: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <section class="card" aria-labelledby="open-round-title">
      <h2 id="open-round-title">{t('openRound')}</h2>
      {opened ? (
        <p class="notice success" role="status">
          {t('roundOpened', { round: opened })}
        </p>
      ) : null}
      {problems.length > 0 ? <ProblemList problems={problems} /> : null}
      <h3>{t('fromPlanFile')}</h3>
      <input
        id="plan-file"
        class="visually-hidden-input"
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void fromFile(file);
        }}
      />
      <label class="button-like" for="plan-file">
        {t('planFile')} (.json)
      </label>
      <details>
        <summary>
          <h3 class="inline">{t('fromForm')}</h3>
        </summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            fromForm(event.currentTarget);
          }}
        >
          <label class="field">
            <span>{t('agencyName')}</span>
            <input type="text" name="agencyName" required />
          </label>
          <label class="field">
            <span>{t('fiscalYear')}</span>
            <input type="number" name="fiscalYear" min={2500} max={2700} required />
          </label>
          <label class="field">
            <span>{t('period')}</span>
            <select name="period">
              <option value="H1">{t('periodH1')}</option>
              <option value="FY">{t('periodFY')}</option>
            </select>
          </label>
          <label class="field">
            <span>{t('dueDate')}</span>
            <input type="date" name="due" required />
          </label>
          <fieldset>
            <legend>{t('chain')}</legend>
            {CHAIN.map((role) => (
              <label key={role} class="check">
                <input
                  type="checkbox"
                  checked={chain.includes(role)}
                  onChange={(e) =>
                    setChain((c) =>
                      e.currentTarget.checked ? [...c, role] : c.filter((r) => r !== role),
                    )
                  }
                />{' '}
                {t(`role-${role}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('planItems')}</legend>
            {rows.map((row, index) => (
              // Rows have no identity but their position: the item number is the position.
              <div class="plan-row" key={index}>
                <label class="field">
                  <span>
                    {t('kind')} ({index + 1})
                  </span>
                  <select
                    value={row.kind}
                    onChange={(e) => setRow(index, { kind: e.currentTarget.value as Row['kind'] })}
                  >
                    <option value="project">{t('kind-project')}</option>
                    <option value="activity">{t('kind-activity')}</option>
                    <option value="measure">{t('kind-measure')}</option>
                  </select>
                </label>
                <label class="field">
                  <span>{t('title')}</span>
                  <input
                    type="text"
                    value={row.title}
                    onInput={(e) => setRow(index, { title: e.currentTarget.value })}
                  />
                </label>
                <label class="field">
                  <span>{t('divisionCode')}</span>
                  <input
                    type="text"
                    value={row.division}
                    onInput={(e) => setRow(index, { division: e.currentTarget.value })}
                  />
                </label>
                <label class="field">
                  <span>{t('divisionName')}</span>
                  <input
                    type="text"
                    value={row.divisionName}
                    onInput={(e) => setRow(index, { divisionName: e.currentTarget.value })}
                  />
                </label>
                {rows.length > 1 ? (
                  <button
                    type="button"
                    class="link"
                    onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                  >
                    {t('removeItem', { no: index + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            <button type="button" onClick={() => setRows((all) => [...all, EMPTY_ROW])}>
              {t('addItem')}
            </button>
          </fieldset>
          <button type="submit" class="primary">
            {t('submitRound')}
          </button>
        </form>
      </details>
    </section>
  );
}
