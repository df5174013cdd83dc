import type { Permission } from "./permissions.ts";

/**
 * What a route needs before it runs. Every route module exports one as `policy`
 * (a test enumerates the routes and fails on a module without it).
 *
 * Kept apart from guard.server.ts on purpose: `policy` is a route export that stays in the
 * browser bundle, and React Router refuses any `.server` module there.
 */
export type RoutePolicy =
  | { kind: "public" }
  | { kind: "authenticated" }
  | { kind: "permission"; permission: Permission };

export const publicRoute: RoutePolicy = { kind: "public" };
export const authenticated: RoutePolicy = { kind: "authenticated" };
export const needs = (permission: Permission): RoutePolicy => ({ kind: "permission", permission });
