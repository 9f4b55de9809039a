/**
 * The shell commands of Pixie's Hydra and Kratos bootstrap sidecars, word
 * for word as Pixie writes them (YAML folds them into one line).
 * @internal
 */

/** The OAuth client id Pixie registers in Hydra and puts in pl-oauth-config. */
export const PIXIE_HYDRA_CLIENT_ID = 'auth-code-client';

/**
 * Waits for Hydra's admin API, then creates or updates the OAuth client that
 * Pixie's auth-server uses. With `trace`, `set -x` echoes every command,
 * the client secret included, into the pod log (Pixie's behaviour).
 */
export function hydraClientCommand(clientId: string, trace: boolean): string[] {
  const script = [
    ...(trace ? ['set -x;'] : []),
    'URL="https://localhost:4445/health/ready";',
    'until [ $(wget --no-check-certificate --spider --quiet --server-response ${URL} 2>&1 | awk \'NR==1{print $2}\') -eq 200 ]; do',
    'echo "waiting for ${URL}";',
    'sleep 2;',
    'done;',
    `CMD="hydra clients update ${clientId}";`,
    `hydra clients get ${clientId} --endpoint=https://localhost:4445 --skip-tls-verify;`,
    'if [ $? -ne 0 ]; then',
    'echo "Creating client";',
    `CMD="hydra clients create --id ${clientId}";`,
    'fi;',
    '${CMD} --endpoint https://localhost:4445 --secret "${HYDRA_CLIENT_SECRET}"',
    '--grant-types authorization_code,refresh_token,implicit',
    '--response-types code,id_token,token',
    '--scope openid,offline,notifications,gist,vizier',
    '--callbacks "https://${PL_DOMAIN_NAME}/oauth/auth/callback"',
    '--callbacks "https://work.${PL_DOMAIN_NAME}/auth/callback"',
    '--skip-tls-verify;',
    'sleep infinity;',
  ];
  return ['sh', '-c', `${script.join(' ')} `];
}

/**
 * Waits for Kratos's admin API, then posts `$ADMIN_IDENTITY`. With `trace`,
 * `set -x` echoes the identity, password included, into the pod log
 * (Pixie's behaviour).
 */
export function kratosAdminCommand(trace: boolean): string[] {
  const script = [
    ...(trace ? ['set -x;'] : []),
    'URL="${ADMIN_URL}/admin/health/ready";',
    'until [ $(curl -k -m 0.5 -s -o /dev/null -w "%{http_code}" ${URL}) -eq 200 ]; do',
    'echo "waiting for ${URL}";',
    'sleep 2;',
    'done;',
    'curl -k -s -H "Content-Type: application/json" --data "${ADMIN_IDENTITY}" "${ADMIN_URL}/admin/identities";',
    'sleep infinity;',
  ];
  return ['sh', '-c', `${script.join(' ')} `];
}
