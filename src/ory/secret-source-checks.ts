import { OrySecretSource, OrySecretSourceKind } from './ory-secret-source';
import { checkPolicyPair } from '../secrets/secret-store';
import { StoreBackedSecret } from '../secrets/store-backed-secret';
import { checkExistingSecretName, quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * Problems with a secret source for a Secret that must hold `requiredKeys`.
 * @internal
 */
export function checkOrySecretSource(source: OrySecretSource, secretName: string, requiredKeys: readonly string[], field: string): InputProblem[] {
  const problems = new ProblemCollector();
  if (source.storeOptions) {
    const store = source.storeOptions;
    const prefix = `${field}.fromStore.`;
    problems.addAll(StoreBackedSecret.check({ ...store, secretName }, prefix));
    store.keys.forEach((mapping, i) => {
      problems.addAll(StoreBackedSecret.checkRemote(mapping.remote, `${prefix}keys[${i}].remote`));
      if (!requiredKeys.includes(mapping.secretKey)) {
        problems.add(`${prefix}keys[${i}].secretKey`, `${quote(mapping.secretKey)} is not a key of ${secretName}; its keys are ${requiredKeys.join(', ')}`);
      }
    });
    const missing = requiredKeys.filter(key => !store.keys.some(m => m.secretKey === key));
    if (missing.length > 0) {
      problems.add(`${prefix}keys`, `must map every key of ${secretName}; missing: ${missing.join(', ')}`);
    }
  } else if (source.kind === OrySecretSourceKind.EXISTING) {
    const name = source.existingSecretName;
    problems.add(`${field}.existingSecret`, checkExistingSecretName(name));
  } else if (source.generatedOptions) {
    const g = source.generatedOptions;
    problems.add(`${field}.generated.deletionPolicy`, checkPolicyPair(g.creationPolicy, g.deletionPolicy));
  }
  return problems.problems;
}
