/** Reads config.json, completes a hosted-UI sign-in if this load is one, and starts the portal. */

import { render } from 'preact';
import { sarabunFaces } from '../../shared/publish/report-page-css.js';
import type { PortalConfig } from '../../shared/workflow/portal-config.js';
import { App } from './app.js';
import { completeCognitoSignIn } from './auth/session.js';
import { StartupFailure } from './ui/startup-failure.js';
import './styles.css';

async function readConfig(): Promise<PortalConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as PortalConfig;
}

async function start(root: HTMLElement) {
  // The report's own font files, beside the bundle (relative: the portal may live under a path).
  const fonts = document.createElement('style');
  fonts.textContent = sarabunFaces(new URL('fonts', document.baseURI).href);
  document.head.append(fonts);
  const config = await readConfig();
  const session = config.mode === 'cognito' ? await completeCognitoSignIn(config) : undefined;
  // The loading line in index.html goes; Preact renders into an empty root.
  root.replaceChildren();
  render(<App config={config} {...(session ? { session } : {})} />, root);
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    root.replaceChildren();
    render(<StartupFailure error={error} />, root);
  });
}
