/**
 * Where each kind of object lives in the two buckets. The key builders use
 * these, and so do the functions' manifests: a role may touch only the
 * prefixes its function writes or reads, so the two must never drift apart.
 */

/** Uploads as the division sent them; S3 notifies intake about this prefix only. */
export const INCOMING_PREFIX = 'incoming/';
/** Converted submission JSON, one per stored version. */
export const SUBMISSIONS_PREFIX = 'submissions/';
/** Each upload's result (accepted, or its problems) for the division to read. */
export const RESULTS_PREFIX = 'results/';
/** Rolled-up draft reports awaiting sign-off. */
export const DRAFTS_PREFIX = 'drafts/';
/** Each division's FY draft carried over from its approved H1 version. */
export const CARRIED_PREFIX = 'carried/';
/** Published report versions in the public bucket. */
export const REPORTS_PREFIX = 'reports/';
/** The public bucket's site-wide index.json and index.html. */
export const INDEX_PREFIX = 'index.';
/** The public catalogue's pages, scripts and search indexes (rewritten on each publication). */
export const CATALOGUE_PREFIX = 'catalogue/';
/** National roll-ups (CSV, JSON) and the DCAT catalogue with its JSON-LD context. */
export const OPEN_DATA_PREFIX = 'open-data/';
/** The documents' JSON Schemas at stable, versioned URLs. */
export const SCHEMAS_PREFIX = 'schemas/';
