// Preloaded with `node --import` by compiled-cli.test.ts: records the URL of
// every module the process resolves into the file named by MODULE_LOG.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
