import { AUTH0_PROVIDER } from './auth0-provider';
import { ConfigProvider } from './config-provider';
import { OIDC_PROVIDER } from './oidc-provider';
import { OSS_PROVIDER } from './oss-provider';

/**
 * Every provider the config file knows, in the order they are documented.
 * @internal
 */
export const CONFIG_PROVIDERS: readonly ConfigProvider[] = [OSS_PROVIDER, AUTH0_PROVIDER, OIDC_PROVIDER];
