/**
 * A page with several forms posts an `intent`; its action is a map `{ intent: handler }`
 * dispatched here, in one place. Only the map's own keys are intents ("__proto__",
 * "constructor" or a missing intent are unknown), and an unknown intent gets `unknown()`
 * (a 400, never taken for another form).
 */
export type IntentHandlers<C, A> = Record<string, (ctx: C) => A | Promise<A>>;

export function intentOf(values: Record<string, unknown>): string {
  return typeof values.intent === "string" ? values.intent : "";
}

export async function dispatchIntent<C, A, U>(intent: string, handlers: IntentHandlers<C, A>, ctx: C, unknown: () => U | Promise<U>): Promise<A | U> {
  if (!Object.hasOwn(handlers, intent)) return unknown();
  return handlers[intent]!(ctx);
}
