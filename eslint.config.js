// Lint stays fast on purpose: typescript-eslint's syntactic rules only (tsc does the type
// checking in its own stage), plus the Rules of React for hooks.
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
      ],
    },
  },
);
