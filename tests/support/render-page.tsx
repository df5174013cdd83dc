import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Outlet, createRoutesStub } from "react-router";
import { messagesFor } from "../../app/i18n/catalog.ts";
import type { Locale } from "../../app/i18n/types.ts";

/**
 * Renders a route's page component to HTML with the data its loader returned (and the root's
 * language), without a server: for checking what a page offers (an empty first option, a link
 * instead of a one-click form…). Forms and links render as they do on the server.
 */
export function renderPage(
  Page: ComponentType<never>,
  input: { path: string; loaderData: unknown; actionData?: unknown; locale?: Locale; layout?: { Component: ComponentType<never>; loaderData: unknown } },
): string {
  const locale = input.locale ?? "fr";
  const pathname = new URL(input.path, "http://localhost").pathname;
  const page = { id: "page", path: pathname.slice(1), Component: Page as ComponentType, loader: () => input.loaderData, action: () => input.actionData ?? null };
  // The section layout (its navigation), when the test gives it, around the page.
  const layout = input.layout;
  const children = layout ? [{ id: "layout", Component: layout.Component as ComponentType, loader: () => layout.loaderData, children: [page] }] : [page];
  const Stub = createRoutesStub([
    {
      id: "root",
      path: "/",
      Component: () => createElement(Outlet),
      loader: () => ({ locale, messages: messagesFor(locale) }),
      children,
    },
  ]);
  return renderToStaticMarkup(
    createElement(Stub, {
      initialEntries: [input.path],
      hydrationData: {
        loaderData: { root: { locale, messages: messagesFor(locale) }, page: input.loaderData, ...(layout ? { layout: layout.loaderData } : {}) },
        actionData: input.actionData ? { page: input.actionData } : undefined,
      },
    }),
  );
}
