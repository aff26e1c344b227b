/** Sign-in: the Cognito hosted UI in AWS; locally, a choice of the local stack's people. */

import type { PortalConfig } from '../../shared/workflow/portal-config.js';
import { type Session, signInLocally, startCognitoSignIn } from './auth/session.js';
import type { Lang } from './i18n/format.js';
import { translate } from './i18n/strings.js';

export function SignInPage(props: {
  config: PortalConfig;
  lang: Lang;
  onSignedIn: (session: Session) => void;
}) {
  const { config, lang } = props;
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return (
    <main id="main" class="sign-in">
      <h1>{t('appName')}</h1>
      <p>{t('signInLead')}</p>
      {config.mode === 'cognito' ? (
        <button type="button" class="primary" onClick={() => void startCognitoSignIn(config)}>
          {t('signInCognito')}
        </button>
      ) : (
        <section aria-labelledby="people">
          <h2 id="people">{t('signInAs')}</h2>
          <ul class="people">
            {config.identities.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  data-identity={person.id}
                  onClick={() => void signInLocally(config, person.id).then(props.onSignedIn)}
                >
                  <span class="person-name">{person.nameTh}</span>
                  <span class="person-id">{person.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
