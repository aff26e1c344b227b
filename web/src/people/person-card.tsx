/** One person on the people screen: who, status, a toggle per role, divisions, disable. */

import { useState } from 'preact/hooks';
import { STAFF_ROLES } from '../../../shared/workflow/roles.js';
import type { AgencyPerson } from '../api/portal-api.js';
import { formatDateTime } from '../i18n/format.js';
import type { StringKey } from '../i18n/strings.js';
import { usePortal } from '../portal-context.js';
import { peopleText } from './people-strings.js';

export function PersonCard(props: {
  person: AgencyPerson;
  act: (change: () => Promise<unknown>) => Promise<void>;
}) {
  const { person, act } = props;
  const { api, agencyId, lang, t } = usePortal();
  const [division, setDivision] = useState('');
  const p = (key: Parameters<typeof peopleText>[1], values?: Record<string, string>) =>
    peopleText(lang, key, values);
  const name = person.name ?? person.sub;
  const id = `person-${person.sub}`;
  const status = !person.enabled
    ? p('disabled')
    : person.status === 'FORCE_CHANGE_PASSWORD'
      ? p('invited')
      : p('active');
  return (
    <li class="card person" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{name}</h3>
      <p>
        {person.position ? <span class="position">{person.position}</span> : null}
        {person.email ? <span class="email"> · {person.email}</span> : null}
      </p>
      <p>
        <strong class="status">{status}</strong>
        {person.lastActivity ? (
          <span>
            {' · '}
            {p('lastActivity')}: {formatDateTime(person.lastActivity, lang)}
          </span>
        ) : null}
      </p>
      <fieldset disabled={!person.enabled}>
        <legend>{p('roles')}</legend>
        {STAFF_ROLES.map((role) => {
          const held = person.roles.includes(role);
          return (
            <label key={role} class="toggle">
              <input
                type="checkbox"
                checked={held}
                onChange={() =>
                  act(() =>
                    api.changePersonGroups(agencyId, person.sub, held ? 'remove' : 'add', { role }),
                  )
                }
              />
              {t(`role-${role}` as StringKey)}
            </label>
          );
        })}
      </fieldset>
      <fieldset disabled={!person.enabled}>
        <legend>{p('divisions')}</legend>
        <ul class="chips">
          {person.divisions.map((code) => (
            <li key={code}>
              {code}{' '}
              <button
                type="button"
                class="link"
                onClick={() =>
                  act(() =>
                    api.changePersonGroups(agencyId, person.sub, 'remove', { division: code }),
                  )
                }
              >
                {p('removeDivision', { division: code })}
              </button>
            </li>
          ))}
        </ul>
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            const code = division.trim();
            if (!code) return;
            setDivision('');
            void act(() => api.changePersonGroups(agencyId, person.sub, 'add', { division: code }));
          }}
        >
          <label for={`${id}-division`}>{p('divisionCode')}</label>
          <input
            id={`${id}-division`}
            value={division}
            onInput={(e) => setDivision((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{p('addDivision')}</button>
        </form>
      </fieldset>
      {person.enabled ? (
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (window.confirm(p('confirmDisable', { name })))
              void act(() => api.disablePerson(agencyId, person.sub));
          }}
        >
          {p('disable')} <span class="visually-hidden">{name}</span>
        </button>
      ) : null}
    </li>
  );
}
