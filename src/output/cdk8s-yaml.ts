import { Yaml } from 'cdk8s';
import { fastYamlDocument } from './fast-yaml';

/** cdk8s's `Yaml.stringify`: documents to one YAML stream. */
export type Stringify = (...docs: any[]) => string;

/**
 * A function that returns exactly what `stringify` (cdk8s's
 * `Yaml.stringify`) returns, writing each document through
 * `fastYamlDocument` and handing what that cannot write for certain
 * (unusual scalars, undefined members, shared objects, whole documents it
 * gives up on) to `stringify` itself, one document at a time.
 * @internal
 */
export function fastCdk8sStringify(stringify: Stringify): Stringify {
  const oneDocument = (doc: unknown): string => stringify.call(Yaml, doc);
  return (...docs: any[]) => docs
    .map(doc => (doc === undefined ? oneDocument(doc) : fastYamlDocument(doc, oneDocument, { likeCdk8s: true }) ?? oneDocument(doc)))
    .join('---\n');
}
