import { createRequestHandler, isRouteErrorResponse, type AppLoadContext, type ServerBuild } from "react-router";

/** A path no route claims: the catch-all draws the normal 404 page for it. */
const NOT_FOUND_PATH = "/__filet/not-found";

function refusal(thrown: unknown): number | null {
  if (isRouteErrorResponse(thrown)) return thrown.status;
  if (thrown && typeof thrown === "object" && (thrown as { type?: string }).type === "DataWithResponseInit") {
    return (thrown as { init?: { status?: number } | null }).init?.status ?? null;
  }
  return null;
}

const wantsHtml = (request: Request) => (request.headers.get("accept") ?? "").includes("text/html");

let handler: ((request: Request, context: AppLoadContext) => Promise<Response>) | null = null;

/**
 * The normal 404 page, with the visitor's chrome (language, header): the app itself draws it,
 * asked for a path only the catch-all route matches.
 */
async function notFoundPage(request: Request, context: AppLoadContext): Promise<Response> {
  handler ??= createRequestHandler(() => import("virtual:react-router/server-build") as Promise<ServerBuild>, "production");
  const headers = new Headers(request.headers);
  headers.set("accept", "text/html");
  const page = await handler(new Request(new URL(NOT_FOUND_PATH, request.url), { method: "GET", headers }), context);
  return new Response(page.body, { status: 404, headers: page.headers });
}

/**
 * Wraps the loader of a resource route (a file, a PDF, an API answer): a refusal (404) seen by a
 * browser is the normal 404 page, not React Router's JSON body (`{"message":"not_found"}`).
 * Other callers (fetch, curl asking for JSON) keep the plain answer.
 */
export function resourceLoader<A extends { request: Request; context: AppLoadContext }, R>(loader: (args: A) => Promise<R>) {
  return async (args: A): Promise<R | Response> => {
    try {
      return await loader(args);
    } catch (thrown) {
      if (refusal(thrown) === 404 && wantsHtml(args.request)) return notFoundPage(args.request, args.context);
      throw thrown;
    }
  };
}
