import { AUTH0_PROVIDER } from './auth0-provider';
import { ConfigProvider } from './config-provider';

/**
 * Every provider the config file knows, in the order they are documented.
 * @internal
 */
export const CONFIG_PROVIDERS: readonly ConfigProvider[] = [AUTH0_PROVIDER];
