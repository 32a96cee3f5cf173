// French typography: a no-break space before : ; ! ? » and after «, so that a line never
// starts with a lone "?" or ":". Applied when messages are loaded, so the sources keep plain
// spaces (easy to read, grep and review).
const NBSP = '\u00a0';

export function frenchSpacing(text: string): string {
  return text.replace(/ ([?!:;»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** Applies `fn` to every string leaf of a nested object of strings, keeping its shape. */
export function mapStrings<T>(tree: T, fn: (s: string) => string): T {
  if (typeof tree === 'string') return fn(tree) as T;
  if (typeof tree !== 'object' || tree === null) return tree;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) out[k] = mapStrings(v, fn);
  return out as T;
}
