/**
 * The request's URL with its query made safe to use: NUL and lone surrogates (which PostgreSQL
 * refuses in text, giving a 500) become U+FFFD, and a value is cut at 500 characters (no
 * filter of ours takes more; a 20 kB search would only cost time). Loaders read the query
 * through this, never from `request.url` directly (ESLint enforces it).
 */
const MAX_QUERY_VALUE = 500;
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const clean = (value: string) => value.replace(BAD, "\uFFFD").slice(0, MAX_QUERY_VALUE);

export function requestUrl(request: Request): URL {
  const url = new URL(request.url);
  const safe = new URLSearchParams();
  for (const [key, value] of url.searchParams) safe.append(clean(key), clean(value));
  url.search = safe.toString();
  return url;
}
