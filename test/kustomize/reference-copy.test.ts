import * as fs from 'fs';
import { PIXIE_REFERENCE_DIR, SHARED_REFERENCE_DIR } from '../support/reference';
import { readTree } from '../support/temp-config';

// The tests read Pixie's reference manifests from the repo's own copy, so a
// clone anywhere runs them; where ../shared is beside the repo (as in CI),
// the copy must be the same, file for file.

const hasShared = fs.existsSync(SHARED_REFERENCE_DIR);
const itIfShared = hasShared ? test : test.skip;

describe("the repo's copy of Pixie's reference manifests", () => {
  test('holds the manifests the tests build on', () => {
    const files = Object.keys(readTree(PIXIE_REFERENCE_DIR)).sort();
    expect(files).toEqual(expect.arrayContaining([
      'base/auth_deployment.yaml', 'base/profile_deployment.yaml', 'base/proxy_deployment.yaml',
      'dev/kustomization.yaml', 'ory_auth-dev/kustomization.yaml', 'README.md',
    ]));
  });

  itIfShared(`is the same as ../shared/reference/pixie-cloud${hasShared ? '' : ' [skipped: ../shared is not beside the repo]'} (refresh: npx projen copy-reference)`, () => {
    expect(readTree(PIXIE_REFERENCE_DIR)).toStrictEqual(readTree(SHARED_REFERENCE_DIR));
  });
});
