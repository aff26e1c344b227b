import {
  CATALOGUE_PREFIX,
  DRAFTS_PREFIX,
  INDEX_PREFIX,
  OPEN_DATA_PREFIX,
  REPORTS_PREFIX,
  SCHEMAS_PREFIX,
} from '../../shared/workflow/object-prefixes.js';
import {
  defineManifest,
  INCOMING_BUCKET,
  PUBLISHED_BUCKET,
  SITE_URL,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'publish-report',
  description: 'Publishes report.json, report.pdf, report.html, the catalogue and the index',
  handler: 'handler',
  trigger: { kind: 'state-machine' },
  environment: { TABLE_NAME, INCOMING_BUCKET, PUBLISHED_BUCKET, SITE_URL },
  grants: [
    {
      on: 'table',
      actions: [
        'dynamodb:GetItem',
        'dynamodb:UpdateItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        // The approval trail each version's ITA evidence names.
        'dynamodb:BatchGetItem',
      ],
    },
    {
      on: 'incoming-bucket',
      actions: ['s3:GetObject'],
      prefix: DRAFTS_PREFIX,
      why: 'publishing reads the signed-off draft.',
    },
    {
      on: 'published-bucket',
      actions: ['s3:PutObject'],
      prefix: REPORTS_PREFIX,
      why: 'publishing writes each new report version.',
    },
    {
      on: 'published-bucket',
      actions: ['s3:PutObject'],
      prefix: INDEX_PREFIX,
      why: 'publishing rewrites index.json and index.html.',
    },
    {
      on: 'published-bucket',
      actions: ['s3:GetObject'],
      prefix: REPORTS_PREFIX,
      why: 'the catalogue rebuilds a search part found missing from its published report.json.',
    },
    {
      on: 'published-bucket',
      actions: ['s3:GetObject', 's3:PutObject'],
      prefix: CATALOGUE_PREFIX,
      why: 'publishing replaces one part of the search indexes and rewrites the catalogue pages.',
    },
    {
      on: 'published-bucket',
      actions: ['s3:PutObject'],
      prefix: OPEN_DATA_PREFIX,
      why: 'publishing rewrites the national roll-ups and the DCAT catalogue.',
    },
    {
      on: 'published-bucket',
      actions: ['s3:PutObject'],
      prefix: SCHEMAS_PREFIX,
      why: 'publishing writes the JSON Schemas at their stable URLs.',
    },
  ],
  // pdfkit lays out a few hundred pages of Thai comfortably in this.
  memorySize: 1536,
  timeoutSeconds: 120,
  // The renderer reads Sarabun from ./fonts beside its module (import.meta.url).
  bundleFiles: 'report-fonts',
});
