import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { RestartSource } from '../../src/restart/restart-source';
import { withSynthesisPass } from '../../src/restart/synthesis-pass';

describe('withSynthesisPass', () => {
  test('hashes each source once inside a pass, and afresh outside it', () => {
    // GIVEN
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config', { data: { a: '1' } });
    const source = RestartSource.fromConfigMap(configMap);
    const renders = jest.spyOn(source.apiObject, 'toJson');

    // WHEN
    const inside = withSynthesisPass(() => [source.hash(), RestartSource.fromConfigMap(configMap).hash(), withSynthesisPass(() => source.hash())]);
    const rendersInside = renders.mock.calls.length;
    const before = source.hash();
    configMap.addData('b', '2');
    const after = source.hash();

    // THEN
    expect(new Set(inside).size).toBe(1);
    expect(rendersInside).toBe(1);
    expect(before).toBe(inside[0]);
    expect(after).not.toBe(before);
  });

  test('a new pass sees changes made after the last one', () => {
    // GIVEN
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config', { data: { a: '1' } });
    const source = RestartSource.fromConfigMap(configMap);
    const first = withSynthesisPass(() => source.hash());

    // WHEN
    configMap.addData('b', '2');
    const second = withSynthesisPass(() => source.hash());

    // THEN
    expect(second).not.toBe(first);
  });
});
