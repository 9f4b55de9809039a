import * as path from 'path';

/**
 * Pixie's reference manifests, the real input our output layers onto: a
 * copy in this repository (`npx projen copy-reference` refreshes it from
 * `../shared/reference/pixie-cloud`), so a clone anywhere runs every test.
 */
export const PIXIE_REFERENCE_DIR = path.resolve(__dirname, '..', 'fixtures', 'pixie-cloud');

/** Where the copy comes from: `../shared/reference/pixie-cloud` beside the repo, when it is there. */
export const SHARED_REFERENCE_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'pixie-cloud');
