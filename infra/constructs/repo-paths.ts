/** Paths inside the repository, resolved from this file so synth works from any directory. */

import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const handlerEntry = (name: string) => `${REPO_ROOT}functions/${name}/handler.ts`;

export const PUBLISH_FONTS_DIR = `${REPO_ROOT}shared/publish/fonts`;

/** The web portal's sources (built with its own Vite config at synth time). */
export const WEB_DIR = `${REPO_ROOT}web`;
