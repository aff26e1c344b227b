/** Reads config.json, completes a hosted-UI sign-in if this load is one, and starts the portal. */

import { render } from 'preact';
import { sarabunFaces } from '../../shared/publish/report-page-css.js';
import type { PortalConfig } from '../../shared/workflow/portal-config.js';
import { App } from './app.js';
import { completeCognitoSignIn } from './auth/session.js';
import './styles.css';

async function start() {
  const root = document.getElementById('app');
  if (!root) return;
  // The report's own font files, beside the bundle (relative: the portal may live under a path).
  const fonts = document.createElement('style');
  fonts.textContent = sarabunFaces(new URL('fonts', document.baseURI).href);
  document.head.append(fonts);
  const response = await fetch('config.json', { cache: 'no-store' });
  const config = (await response.json()) as PortalConfig;
  const session = config.mode === 'cognito' ? await completeCognitoSignIn(config) : undefined;
  // The loading line in index.html goes; Preact renders into an empty root.
  root.replaceChildren();
  render(<App config={config} {...(session ? { session } : {})} />, root);
}

void start();
