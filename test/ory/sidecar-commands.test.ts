import * as path from 'path';
import { hydraClientCommand, kratosAdminCommand, PIXIE_HYDRA_CLIENT_ID } from '../../src/ory/sidecar-commands';
import { copyPixieReference, hasKustomize, itIfKustomize, kustomizeBuild } from '../support/kustomize';

// Pixie writes the commands as multi-line single-quoted flow scalars that only
// Go's YAML reader accepts, so they are read from `kubectl kustomize` output.
const pixie: any[] = hasKustomize ? kustomizeBuild(path.join(copyPixieReference(), 'ory_auth-dev')) : [];

function pixieCommand(deployment: string, container: string): string[] {
  return pixie.find(o => o.kind === 'Deployment' && o.metadata.name === deployment)
    .spec.template.spec.containers.find((c: any) => c.name === container).command;
}

describe('sidecar commands', () => {
  itIfKustomize("Hydra's client sidecar runs Pixie's command word for word", () => {
    expect(hydraClientCommand(PIXIE_HYDRA_CLIENT_ID, true)).toStrictEqual(pixieCommand('hydra', 'client-create-or-update'));
  });

  itIfKustomize("Kratos's admin sidecar runs Pixie's command word for word", () => {
    expect(kratosAdminCommand(true)).toStrictEqual(pixieCommand('kratos', 'admin-create-if-not-exists'));
  });

  test('the client id appears wherever Pixie wrote auth-code-client', () => {
    const script = hydraClientCommand('pixie-ui', true)[2];
    expect(script).not.toContain('auth-code-client');
    expect(script).toContain('CMD="hydra clients update pixie-ui"');
    expect(script).toContain('hydra clients get pixie-ui --endpoint');
    expect(script).toContain('CMD="hydra clients create --id pixie-ui"');
  });

  itIfKustomize('without trace there is no set -x, which would echo the secrets into the log', () => {
    expect(hydraClientCommand(PIXIE_HYDRA_CLIENT_ID, false)[2]).toBe(pixieCommand('hydra', 'client-create-or-update')[2].replace('set -x; ', ''));
    expect(kratosAdminCommand(false)[2]).toBe(pixieCommand('kratos', 'admin-create-if-not-exists')[2].replace('set -x; ', ''));
  });
});
