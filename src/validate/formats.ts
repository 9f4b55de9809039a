import type Ajv from 'ajv';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** Standard base64 with padding, as Go's `encoding/base64.StdEncoding` decodes `[]byte` fields. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** RFC 3339 date-time, as `metav1.Time` parses it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The `format`s the Kubernetes and External Secrets schemas use, and how
 * each is checked. `int-or-string` is not here: the schema transformation
 * turns it into a type union before ajv sees it.
 */
export const KUBERNETES_FORMATS: readonly string[] = ['byte', 'date-time', 'double', 'int32', 'int64'];

/** Teaches ajv the Kubernetes formats, so none of them makes it throw "unknown format". */
export function addKubernetesFormats(ajv: Ajv): void {
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => n >= INT32_MIN && n <= INT32_MAX });
  // Integers beyond 2^53 cannot reach us exactly from JSON or YAML anyway.
  ajv.addFormat('int64', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', BASE64);
  ajv.addFormat('date-time', DATE_TIME);
}
