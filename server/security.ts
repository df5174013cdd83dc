import { randomBytes, randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Per-response nonce, request id and the security headers every answer carries. */
export function securityHeaders(options: { production: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    res.locals.requestId = randomUUID();
    res.setHeader("X-Request-Id", res.locals.requestId);
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (options.production) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    if (!req.path.startsWith("/assets/")) res.setHeader("Cache-Control", "no-store");
    next();
  };
}

/** Only GET and HEAD read; only POST changes state. Anything else is refused. */
export function allowedMethods(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "POST") return next();
  res.setHeader("Allow", "GET, HEAD, POST");
  res.status(405).type("text/plain").send("Method not allowed");
}

/**
 * Cross-site request forgery: a POST must come from our own origin. Browsers always send
 * Origin on POST; when they omit it, Sec-Fetch-Site still tells a cross-site request.
 */
export function sameOriginPosts(publicUrl: string) {
  const trusted = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "POST") return next();
    const origin = req.get("origin");
    const host = req.get("host");
    const own = new Set([trusted, `${req.protocol}://${host}`]);
    if (origin && origin !== "null" && own.has(origin)) return next();
    if (!origin && req.get("sec-fetch-site") !== "cross-site") return next();
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
  };
}
