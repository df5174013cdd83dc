/**
 * `npm run i18n:routes`: writes app/i18n/route-namespaces.generated.server.ts, the namespaces
 * each page needs (read from its source). Run it after adding a message to a page.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import routes from "../app/routes.ts";
import { CHROME_NAMESPACES } from "../app/i18n/catalog.ts";
import { GENERATED_FILE, messageGroupMap, renderGeneratedFile, routeNamespaceMap } from "./message-usage.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const hasPage = (file: string) => /export default function/.test(fs.readFileSync(path.join(root, "app", file), "utf8"));
const text = renderGeneratedFile(routeNamespaceMap(routes as never, CHROME_NAMESPACES, hasPage), messageGroupMap(CHROME_NAMESPACES));
fs.writeFileSync(path.join(root, GENERATED_FILE), text);
console.log(`${GENERATED_FILE}: ${text.split("\n").length} lines`);
