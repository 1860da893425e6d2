// import() of a package or file outside the tool's own code. The command-line tool runs its bundle
// through vm.Script (for V8's code cache, src/cli/codeCache.ts), where Node 20 cannot resolve an
// import(): code compiled from a cache loses the script's loader. The command-line entry therefore
// lends its own import() through this global; the library, the tests and the batch workers, which
// Node loads normally, use import() itself.

/** The global under which the command-line entry lends its import(). */
export const LENT_IMPORT = Symbol.for('policy-parse.import');

type Importer = (specifier: string) => Promise<unknown>;

export function importExternal<T>(specifier: string): Promise<T> {
  const lent = (globalThis as { [LENT_IMPORT]?: Importer })[LENT_IMPORT];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
