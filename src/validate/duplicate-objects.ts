import { ApiObject, Chart } from 'cdk8s';

/**
 * One message for each object of `chart` that another object of the chart
 * already defines (the same API group, kind, namespace and name): kubectl
 * would apply one over the other, and a restart hash would cover only one
 * of them. Typically a file in `pixie.manifests` that defines what the
 * provider construct defines too (Pixie's `ory_service_config.yaml` or
 * `oauth_config.yaml`).
 * @internal
 */
export function duplicateObjects(chart: Chart): string[] {
  const first = new Map<string, ApiObject>();
  const problems: string[] = [];
  for (const construct of chart.node.findAll()) {
    if (!(construct instanceof ApiObject) || Chart.of(construct) !== chart) {
      continue;
    }
    const namespace = construct.metadata.namespace ?? '';
    const key = [construct.apiGroup, construct.kind, namespace, construct.name].join('\n');
    const earlier = first.get(key);
    if (earlier) {
      problems.push(`${construct.kind} ${namespace ? `${namespace}/` : ''}${construct.name} is defined twice, by ${earlier.node.path} and by ${construct.node.path}: `
        + 'kubectl would apply one over the other; keep one (from the config file: leave the file that defines it out of pixie.manifests)');
    } else {
      first.set(key, construct);
    }
  }
  return problems;
}
