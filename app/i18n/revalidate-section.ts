// Browser-safe (a route export): kept apart from page-messages.server.ts.

/**
 * A section layout's loader runs again on every move inside the section (its messages follow
 * the page), not only when React Router would re-run it.
 */
export function revalidateOnEveryPage({ currentUrl, nextUrl, defaultShouldRevalidate }: { currentUrl: URL; nextUrl: URL; defaultShouldRevalidate: boolean }): boolean {
  return currentUrl.pathname !== nextUrl.pathname || defaultShouldRevalidate;
}
