/**
 * The coordinator's people screen: the agency's people with their roles,
 * divisions and last activity; inviting someone by e-mail; a role or a
 * division added or removed; an account disabled; and every change made,
 * with who made it and when. Each action is the API's (and its guards'):
 * a refusal is shown as the API words it, in Thai and English.
 */

import { useState } from 'preact/hooks';
import { usePortal } from '../portal-context.js';
import { ApiErrorNotice } from '../ui/api-error-notice.js';
import { useAsync } from '../ui/use-async.js';
import { InviteForm } from './invite-form.js';
import { PeopleChanges } from './people-changes.js';
import { peopleText } from './people-strings.js';
import { PersonCard } from './person-card.js';

export function PeoplePage() {
  const { api, agencyId, lang, t } = usePortal();
  const people = useAsync(() => api.listPeople(agencyId), [agencyId]);
  const changes = useAsync(() => api.listPeopleChanges(agencyId), [agencyId]);
  const [failure, setFailure] = useState<unknown>();
  if (people.error) throw people.error;
  const p = (key: Parameters<typeof peopleText>[1], values?: Record<string, string>) =>
    peopleText(lang, key, values);
  /** Runs one change; on success both lists are read again, on refusal the reason is shown. */
  const act = async (change: () => Promise<unknown>) => {
    setFailure(undefined);
    try {
      await change();
    } catch (error) {
      setFailure(error);
    }
    people.reload();
    changes.reload();
  };
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">{p('title')}</h1>
      {failure ? <ApiErrorNotice error={failure} /> : null}
      <InviteForm onInvited={() => act(async () => undefined)} />
      <section class="card" aria-labelledby="people-list-title">
        <h2 id="people-list-title">{p('people')}</h2>
        {!people.value ? <p>{t('loading')}</p> : null}
        <ul class="people">
          {(people.value?.people ?? []).map((person) => (
            <PersonCard key={person.sub} person={person} act={act} />
          ))}
        </ul>
      </section>
      <PeopleChanges changes={changes.value?.changes} />
    </section>
  );
}
