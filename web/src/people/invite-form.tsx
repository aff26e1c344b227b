/** Inviting someone by e-mail: name, position, roles and divisions; the pool mails the invitation. */

import { useState } from 'preact/hooks';
import { STAFF_ROLES, type StaffRole } from '../../../shared/workflow/roles.js';
import type { StringKey } from '../i18n/strings.js';
import { usePortal } from '../portal-context.js';
import { ApiErrorNotice } from '../ui/api-error-notice.js';
import { peopleText } from './people-strings.js';

export function InviteForm(props: { onInvited: () => void }) {
  const { api, agencyId, lang, t } = usePortal();
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [sent, setSent] = useState<string | undefined>();
  const p = (key: Parameters<typeof peopleText>[1], values?: Record<string, string>) =>
    peopleText(lang, key, values);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    setFailure(undefined);
    setSent(undefined);
    try {
      await api.invitePerson(agencyId, {
        email: text('email'),
        name: text('name'),
        position: text('position'),
        roles,
        divisions: text('divisions')
          .split(/[\s,]+/)
          .filter((d) => d.length > 0),
      });
      setSent(text('email'));
      form.reset();
      setRoles([]);
      props.onInvited();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{p('invite')}</h2>
      <form class="invite" onSubmit={submit}>
        <label for="invite-email">{p('email')}</label>
        <input id="invite-email" name="email" type="email" required autocomplete="off" />
        <label for="invite-name">{p('name')}</label>
        <input id="invite-name" name="name" required />
        <label for="invite-position">{p('position')}</label>
        <input id="invite-position" name="position" required />
        <fieldset>
          <legend>{p('roles')}</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role} class="toggle">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={() =>
                  setRoles((held) =>
                    held.includes(role) ? held.filter((r) => r !== role) : [...held, role],
                  )
                }
              />
              {t(`role-${role}` as StringKey)}
            </label>
          ))}
        </fieldset>
        <label for="invite-divisions">{p('divisions')}</label>
        <input id="invite-divisions" name="divisions" aria-describedby="invite-divisions-hint" />
        <p id="invite-divisions-hint" class="hint">
          {p('divisionsHint')}
        </p>
        <button type="submit">{p('inviteSend')}</button>
      </form>
      {sent ? (
        <p class="notice success" role="status">
          {p('inviteSent', { email: sent })}
        </p>
      ) : null}
      {failure ? <ApiErrorNotice error={failure} /> : null}
    </section>
  );
}
