import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { oryServiceConfigData } from '../../src/ory/service-config';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

describe('oryServiceConfigData', () => {
  test("for plc-dev it is Pixie's dev overlay", () => {
    const pixie = parse(fs.readFileSync(path.join(PIXIE_REFERENCE_DIR, 'dev', 'ory_service_config.yaml'), 'utf8'));
    expect(oryServiceConfigData('plc-dev')).toStrictEqual(pixie.data);
  });

  test('the hosts follow the namespace', () => {
    expect(oryServiceConfigData('pixie')).toStrictEqual({
      PL_HYDRA_SERVICE: 'hydra.pixie.svc.cluster.local:4444',
      PL_KRATOS_SERVICE: 'kratos.pixie.svc.cluster.local:4433',
      PL_HYDRA_PUBLIC_HOST: 'https://hydra.pixie.svc.cluster.local:4444',
      PL_HYDRA_ADMIN_HOST: 'https://hydra.pixie.svc.cluster.local:4445',
      PL_KRATOS_PUBLIC_HOST: 'https://kratos.pixie.svc.cluster.local:4433',
      PL_KRATOS_ADMIN_HOST: 'https://kratos.pixie.svc.cluster.local:4434',
    });
  });
});
