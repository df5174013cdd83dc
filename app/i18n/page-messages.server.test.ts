import { matchPath } from "react-router";
import { describe, expect, it } from "vitest";
import { namespacesOfPath } from "./page-messages.server.ts";
import { routeNamespaces } from "./route-namespaces.generated.server.ts";

// The router's own matcher, tried pattern by pattern in the same order: what the compiled
// matchers must agree with on every page of the app.
const bySpecificity = Object.keys(routeNamespaces).sort(
  (a, b) =>
    b.split("/").filter(Boolean).reduce((s, seg) => s + (seg.startsWith(":") ? 3 : 10), 0) -
    a.split("/").filter(Boolean).reduce((s, seg) => s + (seg.startsWith(":") ? 3 : 10), 0),
);
const reference = (pathname: string) => {
  const pattern = bySpecificity.find((p) => matchPath({ path: p, end: true }, pathname));
  return pattern ? routeNamespaces[pattern] : [];
};

describe("namespacesOfPath", () => {
  const samples = Object.keys(routeNamespaces).flatMap((pattern) => {
    const path = pattern.replace(/:[\w-]+/g, "0c6f1f6e-3b0a-4c52-9a57-2f1d8b7a9e10");
    return [path, `${path}/`, path.toUpperCase(), pattern.replace(/:[\w-]+/g, "new"), `${path}/extra`];
  });

  it("names the same namespaces as the router's matchPath for every pattern, its variants and its neighbours", () => {
    for (const pathname of samples) expect(namespacesOfPath(pathname), pathname).toEqual(reference(pathname));
  });

  it("gives the specific page before the parameter page, and nothing for an unknown path", () => {
    expect(namespacesOfPath("/meetings/new")).toEqual(routeNamespaces["/meetings/new"]);
    expect(namespacesOfPath("/no-such-page/at-all")).toEqual([]);
  });
});
