import * as client from "openid-client";
import { isLoopbackIssuer } from "./provider-schema.ts";

/**
 * The provider's metadata, found by OpenID Connect discovery (openid-client v6) and kept for
 * ten minutes per provider row. An edit of the provider forgets it.
 */
const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { key: string; at: number; configuration: Promise<client.Configuration> }>();

export interface ProviderCredentials {
  id: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export function forgetProviderConfiguration(providerId: string): void {
  cache.delete(providerId);
}

export function providerConfiguration(provider: ProviderCredentials, now = Date.now()): Promise<client.Configuration> {
  const key = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecret}`;
  const hit = cache.get(provider.id);
  if (hit && hit.key === key && now - hit.at < TTL_MS) return hit.configuration;
  const configuration = client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    { id_token_signed_response_alg: "RS256" },
    client.ClientSecretBasic(provider.clientSecret),
    {
      // Plain http only for a provider on this machine (the tests' and the demo's).
      execute: isLoopbackIssuer(provider.issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
  cache.set(provider.id, { key, at: now, configuration });
  // A failed discovery is not remembered: the next sign-in asks again.
  configuration.catch(() => {
    if (cache.get(provider.id)?.configuration === configuration) cache.delete(provider.id);
  });
  return configuration;
}
