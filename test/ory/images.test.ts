import { checkImageReference, resolveOryImages } from '../../src/ory/image-checks';
import { PixieOryImages } from '../../src/ory/images';

describe('Ory images', () => {
  test('default to the digests Pixie pins', () => {
    expect(resolveOryImages()).toStrictEqual({
      hydra: 'oryd/hydra:v1.9.2-sqlite@sha256:61771c706934e1ffd66f86700a28a294ce4ed150fbf30cc131710924271a5871',
      hydraClient: 'oryd/hydra:v1.9.2-alpine@sha256:faa6ca02e77e0a08f66bfa7470a5e06d80e6e68c9c35410c65a4ea7b501aea61',
      kratos: 'oryd/kratos:v0.10.1@sha256:fdcfac3da3b64e619af553451607e1ab00160e59860bb19ec145cdc6f6f9c41d',
      curl: 'ghcr.io/pixie-io/pixie-oss-pixie-dev-public-curl:8.15.0@sha256:4026b29997dc7c823b51c164b71e2b51e0fd95cce4601f78202c513d97da2922',
    });
  });

  test('each one can be replaced alone', () => {
    expect(resolveOryImages({ kratos: 'registry.example:5000/ory/kratos:v0.10.1' })).toStrictEqual({
      hydra: PixieOryImages.HYDRA,
      hydraClient: PixieOryImages.HYDRA_CLIENT,
      kratos: 'registry.example:5000/ory/kratos:v0.10.1',
      curl: PixieOryImages.CURL,
    });
  });

  test.each([
    PixieOryImages.HYDRA, PixieOryImages.HYDRA_CLIENT, PixieOryImages.KRATOS, PixieOryImages.CURL,
    'oryd/kratos:v0.10.1', 'registry.example:5000/ory/kratos@sha256:' + 'a'.repeat(64),
  ])('accepts %s', image => {
    expect(checkImageReference(image)).toBeUndefined();
  });

  test('refuses an image with neither tag nor digest', () => {
    expect(checkImageReference('oryd/kratos')).toBe(`"oryd/kratos" has neither a tag nor a digest, so it would pull whatever :latest is; pin a tag and preferably a digest (e.g. ${PixieOryImages.KRATOS})`);
  });

  test.each(['', 'oryd/kratos:v1 ', 'Oryd/Kratos:v1', 'oryd/kratos@sha256:short'])('refuses %j', image => {
    expect(checkImageReference(image)).toMatch(/is not an image reference/);
  });
});
