import { secretBox } from "../crypto/secret-box.server.ts";
import type { Config } from "../config/config.server.ts";

/** The providers' client secrets at rest: sealed for one provider row (its id is the context). */
export function clientSecretBox(config: Pick<Config, "FILET_SECRET_KEY">) {
  return secretBox(config.FILET_SECRET_KEY, "sso-client-secret");
}

/** ID tokens kept for RP-initiated logout (`id_token_hint`), sealed for their session. */
export function idTokenBox(config: Pick<Config, "FILET_SECRET_KEY">) {
  return secretBox(config.FILET_SECRET_KEY, "sso-id-token");
}
