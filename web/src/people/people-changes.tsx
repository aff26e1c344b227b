/** Every change to the agency's people, newest first: when, who, what, to whom. */

import type { PeopleChange } from '../api/portal-api.js';
import { formatDateTime } from '../i18n/format.js';
import type { StringKey } from '../i18n/strings.js';
import { usePortal } from '../portal-context.js';
import { peopleText } from './people-strings.js';

export function PeopleChanges(props: { changes: PeopleChange[] | undefined }) {
  const { lang, t } = usePortal();
  const p = (key: Parameters<typeof peopleText>[1]) => peopleText(lang, key);
  const changes = props.changes;
  const detail = (change: PeopleChange) =>
    [
      ...(change.roles ?? []).map((role) => t(`role-${role}` as StringKey)),
      ...(change.divisions ?? []),
    ].join(', ');
  return (
    <section class="card" aria-labelledby="changes-title">
      <h2 id="changes-title">{p('changes')}</h2>
      {!changes ? <p>{t('loading')}</p> : null}
      {changes && changes.length === 0 ? <p>{p('noChanges')}</p> : null}
      {changes && changes.length > 0 ? (
        <div>
          <table class="people-changes">
            <caption class="visually-hidden">{p('changes')}</caption>
            <thead>
              <tr>
                <th scope="col">{p('when')}</th>
                <th scope="col">{p('who')}</th>
                <th scope="col">{p('what')}</th>
                <th scope="col">{p('whom')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.changeId}>
                  <td>{formatDateTime(change.at, lang)}</td>
                  <td>{change.by.name}</td>
                  <td>
                    {p(`action-${change.action}`)} {detail(change)}
                  </td>
                  <td>{change.target.name ?? change.target.sub}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
