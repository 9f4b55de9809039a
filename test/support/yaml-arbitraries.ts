import * as fc from 'fast-check';

/** Characters and words that decide quoting, block scalars and indentation. */
export const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', 'Z', 'e', 'E', '0', '1', '+', '_', ' ', ':', '#', '-', '\n', '\t', '.', '/', '@', '"', '\'', 'y', 'n', 'o', '~', '|', '>', ',', '=', '<', '?', '%', '&', '*', '!', '[', '{', '\\', 'é', '\u0007') }),
  fc.stringMatching(/^[A-Za-z_/$\-eEyYnNoOtTfF][ -~]{0,8}$/),
  fc.stringMatching(/^[0-9][0-9a-zA-Z]{0,7}$/),
  fc.stringMatching(/^[1-9][0-9a-fA-FxXoObBtTzZ_.:\-]{0,7}$/),
  fc.constantFrom('', 'e0', 'E5', 'e+3', 'yes', 'No', 'on', 'OFF', 'null', '~', 'true', '0o17', '0x1f', '1e3', '12:30', '2001-12-14', '.inf', '-', '=', '<<',
    'a\n', 'a\n\n', '\na', ' a', 'a ', 'line1\nline2\n', '  lead\nx', 'a\n\n\nb', '---', '...', 'x\n...\ny', 'a: b', 'a #b', '%x', 'x\n---\ny', '--- x', 'http://x:80/y', 'x'.repeat(200)),
);
/** Keys that decide quoting and explicit (`? `) keys. */
export const yamlKey = fc.oneof(trickyString, fc.constantFrom('name', 'app.kubernetes.io/name', 'checksum/x', 'y', 'on', '1', 'k'.repeat(130)));
/** Any JSON scalar, and numbers YAML writes in unusual ways. */
export const yamlScalar = fc.oneof(trickyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, 0.5, 1e21, 2 ** 60));
/** Any plain JSON value, nested a few levels. */
export const yamlValue = fc.letrec(tie => ({
  node: fc.oneof({ depthSize: 'small' }, yamlScalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(yamlKey, tie('node'), { maxKeys: 4 })),
})).node;
