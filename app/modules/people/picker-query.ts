/**
 * The people picker without JavaScript: its "Search" button sends the form by GET, so the page
 * reloads with `?<name>Search=…` and the other fields' values in the query. Plain (no Zod): the
 * component and the loaders share it.
 */
export const pickerParam = (name: string) => `${name}Search`;

/** The words the picker `name` searched for (bounded), or null when it did not search. */
export function pickerQuery(params: URLSearchParams, name: string): string | null {
  const q = params.get(pickerParam(name));
  return q === null ? null : q.slice(0, 100);
}

/**
 * The form's other values as they were when its picker searched, to draw the form again with
 * them (only the named fields, each bounded). `arrays`: fields sent several times (checkboxes).
 */
export function valuesFromQuery(params: URLSearchParams, fields: readonly string[], arrays: readonly string[] = []): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    if (arrays.includes(field)) values[field] = params.getAll(field).slice(0, 50).map((v) => v.slice(0, 4000));
    else if (params.has(field)) values[field] = params.get(field)!.slice(0, 4000);
  }
  return values;
}
