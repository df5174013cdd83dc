/**
 * Only same-site paths: "//evil.example" and "https://…" fall back to the default. Control
 * characters and backslashes are refused too: browsers drop tabs and newlines from URLs, so
 * "/\t/evil.example" would become "//evil.example".
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.includes("\\") ||
    [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  ) {
    return fallback;
  }
  return value;
}
