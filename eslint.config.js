// Lint stays fast on purpose: typescript-eslint's syntactic rules only (tsc does the type
// checking in its own stage), plus the Rules of React for hooks.
import fs from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

// Plain JavaScript files here are Node scripts (bin/, scripts/, configs). Listed by hand rather
// than through the `globals` package, which is not a direct dependency.
const nodeGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "Buffer",
    "URL",
    "URLSearchParams",
    "fetch",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "setImmediate",
    "AbortController",
    "TextEncoder",
    "TextDecoder",
    "structuredClone",
  ].map((name) => [name, "readonly"]),
);

// Module boundaries (ADR 013), as import patterns. Rule (c) uses typescript-eslint's copy of
// `no-restricted-imports`: a second block of the same rule for the same file would replace the
// first one's patterns instead of adding to them.
const dbFromRoutes = {
  group: ["drizzle-orm", "drizzle-orm/*", "**/db/client.server*", "**/modules/*/tables", "**/modules/*/tables.ts", "**/db/schema", "**/db/schema.ts"],
  message: "Routes reach the database through a module's use case (ADR 013): no Drizzle, no client, no tables.",
};
const uiFromModules = {
  group: ["**/routes/**", "**/components/**", "*.tsx"],
  message: "Modules hold no UI and know no route (ADR 013): put the plain value (type, constant, parser) in a .ts file.",
};
// The foundations and the shared rooms (kit any module may use); every other folder of app/modules
// is a feature module, a new one included, so a foundation cannot start depending on it unnoticed.
const foundations = ["identity", "people", "governance"];
const sharedRooms = ["audit", "authz", "calendar", "charts", "config", "crypto", "db", "disclosure", "email", "exports", "files", "forms", "http", "jobs", "outcome", "pdf", "rich-text", "time"];
const featureModules = fs
  .readdirSync(new URL("./app/modules/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !foundations.includes(entry.name) && !sharedRooms.includes(entry.name))
  .map((entry) => entry.name);
const featuresFromFoundations = {
  group: featureModules.map((name) => `**/${name}/**`),
  message: "identity, people and governance are what feature modules build on: they import no feature module (ADR 013).",
};

export default tseslint.config(
  {
    ignores: [
      "build/",
      ".react-router/",
      "node_modules/",
      "data/",
      "tmp/",
      "test-results/",
      "coverage/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      // `_name` marks a parameter kept for a signature (loaders, callbacks).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // `import { type X } from "./x-schema.ts"` keeps the module as a side-effect import in the
      // browser bundle (Zod came back into /activities that way): type-only imports say `import type`.
      "@typescript-eslint/no-import-type-side-effects": "error",
    },
  },
  {
    // Every action reads its body through the one request-parsing layer (app/modules/forms/
    // read-form.server.ts): body cap, content type, characters, repeated fields.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/modules/forms/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(formData|json|text|arrayBuffer|blob)$/][callee.object.property.name='request']",
          message: "Read the request body with readForm/parseForm (app/modules/forms/read-form.server.ts).",
        },
        {
          selector: "CallExpression[callee.property.name=/^(formData|json|text|arrayBuffer|blob)$/][callee.object.name='request']",
          message: "Read the request body with readForm/parseForm (app/modules/forms/read-form.server.ts).",
        },
        {
          selector: "NewExpression[callee.name='URL'] > MemberExpression.arguments[property.name='url'][object.property.name='request']",
          message: "Read the query with requestUrl(request) (app/modules/forms/request-url.ts): NUL and lone surrogates are made safe there.",
        },
        {
          // The CSP's style-src has no 'unsafe-inline': the browser refuses a style attribute
          // (the text stays unstyled and the console reports it; tests/e2e/page-errors.ts fails on that).
          selector: "JSXAttribute[name.name='style']",
          message: "No style attribute (refused by the CSP): use a class from app/app.css.",
        },
      ],
    },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [dbFromRoutes] }] },
  },
  {
    // Server logic has no UI: page UI lives in app/components/<area>/ or beside its routes.
    files: ["app/modules/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [uiFromModules] }] },
  },
  {
    // The foundations (accounts, people, Tables) know no feature: features build on them, and
    // what must follow a foundation's change (a reindex, a delegate term) is passed in by the caller.
    files: ["app/modules/{identity,people,governance}/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [featuresFromFoundations] }] },
  },
);
