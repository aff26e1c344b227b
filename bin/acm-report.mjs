#!/usr/bin/env node
// Runs the TypeScript CLI straight from a checkout: tsx compiles on load, so
// `npm ci` is the only set-up step and there is no build to forget.
import { register } from 'tsx/esm/api';

register();
await import('../cli/acm-report.ts');
