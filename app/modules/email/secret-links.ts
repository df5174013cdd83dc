/**
 * Links that carry a secret (a password reset, an invitation, an address confirmation: a
 * single-use token in the path) are for their recipient only. Whoever else reads a stored
 * email — the administrators in the outbox — sees them masked.
 */
export const MASK = "••••••";

const URL_PATTERN = /https?:\/\/[^\s<>"'()]+/g;
// A token: 32 or more base64url characters as a whole path segment or query value (record ids,
// UUIDs, are not secrets and stay readable).
const SECRET_PART = /([/=])([A-Za-z0-9_-]{32,})(?=[/?&#.,;:!]|$)/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The text with every secret in a link replaced by the mask; `count` says how many. */
export function maskSecretLinks(text: string): { text: string; count: number } {
  let count = 0;
  const masked = text.replace(URL_PATTERN, (url) =>
    url.replace(SECRET_PART, (match, lead: string, part: string) => {
      if (UUID.test(part)) return match;
      count++;
      return `${lead}${MASK}`;
    }),
  );
  return { text: masked, count };
}
