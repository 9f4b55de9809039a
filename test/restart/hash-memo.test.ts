import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { withHashMemo } from '../../src/restart/hash-memo';
import { RestartSource } from '../../src/restart/restart-source';

describe('withHashMemo', () => {
  test('hashes each source once inside a pass, and afresh outside it', () => {
    // GIVEN
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config', { data: { a: '1' } });
    const source = RestartSource.fromConfigMap(configMap);
    const renders = jest.spyOn(source.apiObject, 'toJson');

    // WHEN
    const inside = withHashMemo(() => [source.hash(), RestartSource.fromConfigMap(configMap).hash(), withHashMemo(() => source.hash())]);
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
    const first = withHashMemo(() => source.hash());

    // WHEN
    configMap.addData('b', '2');
    const second = withHashMemo(() => source.hash());

    // THEN
    expect(second).not.toBe(first);
  });
});
