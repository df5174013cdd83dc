import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const routerDist = join(dirname(createRequire(import.meta.url).resolve("react-router/package.json")), "dist");

/**
 * React Router 7 exports only its development build (remix-run/react-router#14102, open): the
 * browser got its dev-only warnings and checks. The client build takes the production files,
 * which differ only by those (ENABLE_DEV_WARNINGS); the server keeps the package's own export.
 */
function productionReactRouter(): Plugin {
  const entries: Record<string, string> = {
    "react-router": join(routerDist, "production/index.mjs"),
    "react-router/dom": join(routerDist, "production/dom-export.mjs"),
  };
  return {
    name: "filet:production-react-router",
    apply: "build",
    enforce: "pre",
    resolveId(source) {
      if (this.environment?.name !== "client") return null;
      return entries[source] ?? null;
    },
  };
}

export default defineConfig({
  plugins: [productionReactRouter(), reactRouter()],
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  // FILET_SOURCEMAP=1: source maps, to see what a chunk is made of (docs/PERFORMANCE.md).
  build: { sourcemap: process.env.FILET_SOURCEMAP === "1" },
});
