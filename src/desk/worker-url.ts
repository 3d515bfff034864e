/**
 * Where a worker thread starts when its entry is TypeScript. Worker threads do not inherit tsx's loader:
 * the worker starts from a tiny ES module that registers it, then imports the TypeScript entry.
 */
export function bootstrapUrl(entry: URL): URL {
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(loader)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
