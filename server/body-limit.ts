import type { NextFunction, Request, Response } from "express";
import { bodyLimitFor } from "../app/modules/forms/limits.ts";
import { errorPageMessages } from "../app/i18n/error-page.ts";
import { resolveLocale } from "../app/i18n/locale.server.ts";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * A body larger than the route's limit is refused before anything reads it (a 500 MB post to
 * /login used to be buffered whole). Bodies without a length (chunked) are counted by the form
 * reader as they stream, with the same limits.
 */
export const bodyLimit = (stylesheet: string | null) => (req: Request, res: Response, next: NextFunction) => {
  if (req.method !== "POST") return next();
  const announced = req.get("content-length");
  if (announced === undefined || Number(announced) <= bodyLimitFor(req.path)) return next();
  const locale = resolveLocale(new Request("http://local/", { headers: { cookie: req.get("cookie") ?? "" } }));
  const m = errorPageMessages[locale];
  // Close the connection: the rest of the body is never read.
  res.setHeader("Connection", "close");
  res
    .status(413)
    .type("html")
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(m.too_large.title)} — ${m.appName}</title>${stylesheet ? `<link rel="stylesheet" href="${escape(stylesheet)}">` : ""}</head>` +
        `<body><header class="site-header"><a href="/" class="brand">${m.appName}</a></header><main id="main"><h1>${escape(m.too_large.title)}</h1><p>${escape(m.too_large.body)}</p><p>${escape(m.goBack)}</p><p><a href="/">${escape(m.backHome)}</a></p></main></body></html>`,
    );
};
