/** `db.execute` answers differ in type between PGlite and node-postgres; both carry `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
