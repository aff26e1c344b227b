/**
 * How long the published site's files may be cached, in one place. A file
 * under a version (reports/…/v3/report.pdf) never changes: a year. Anything
 * that changes with a publication (index.json, index.html, the catalogue's
 * pages) is revalidated on every request: CloudFront (whose cache policy
 * lets the origin decide, min TTL 0) and browsers ask S3 with the ETag and
 * get a tiny 304 until the next publication, so a new report is visible at
 * once without an invalidation call (which would need a CloudFront grant
 * on the publish function, has no emulator, and takes minutes anyway).
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, no-cache';
