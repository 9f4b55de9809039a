import { OryImages, PixieOryImages } from './images';
import { quote } from '../validation/field-checks';

/** The images with Pixie's defaults filled in. @internal */
export interface ResolvedOryImages {
  readonly hydra: string;
  readonly hydraClient: string;
  readonly kratos: string;
  readonly curl: string;
}

/** @internal */
export function resolveOryImages(images: OryImages = {}): ResolvedOryImages {
  return {
    hydra: images.hydra ?? PixieOryImages.HYDRA,
    hydraClient: images.hydraClient ?? PixieOryImages.HYDRA_CLIENT,
    kratos: images.kratos ?? PixieOryImages.KRATOS,
    curl: images.curl ?? PixieOryImages.CURL,
  };
}

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REGISTRY = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)';
const IMAGE_REFERENCE = new RegExp(`^(?:${REGISTRY})?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(@sha256:[a-f0-9]{64})?$`);

/**
 * `undefined` for an image reference with a tag or a digest; otherwise what
 * is wrong. A reference with neither would silently mean `:latest`.
 * @internal
 */
export function checkImageReference(value: string): string | undefined {
  const match = IMAGE_REFERENCE.exec(value);
  if (!match) {
    return `${quote(value)} is not an image reference such as ${PixieOryImages.KRATOS.split('@')[0]} (registry/name:tag, optionally @sha256:<digest>)`;
  }
  if (match[1] === undefined && match[2] === undefined) {
    return `${quote(value)} has neither a tag nor a digest, so it would pull whatever :latest is; pin a tag and preferably a digest (e.g. ${PixieOryImages.KRATOS})`;
  }
  return undefined;
}
