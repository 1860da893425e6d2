// pdf.js's legacy build (the one pdf-parse loads in Node) carries core-js, which replaces
// three built-ins that Node's own versions already handle well enough for pdf.js:
// Array.prototype.push (a JS loop, for array-likes longer than 2^32 − 1), JSON.parse (a
// wrapper, for the source-text proposal) and Function.prototype.toString (so that its
// replacements print as native code). The replacements are process-wide: after the first
// PDF, every push in the process — ours, mammoth's, the caller's — would run the JS loop
// (3× slower in a tight loop) and every JSON.parse the wrapper (1.8×). What core-js only
// adds (Promise.withResolvers, Set methods, Uint8Array base64…) is left in place: pdf.js
// may use it, and nothing of Node's is replaced by it.

const GUARDED: readonly [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
];

/** As they were when this module was first evaluated: before pdf.ts loads pdf-parse. */
const ORIGINAL = GUARDED.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key));

/** Put back the built-ins pdf.js replaced; call after each step that may load pdf.js code. */
export function restoreBuiltins(): void {
  GUARDED.forEach(([owner, key], i) => {
    const original = ORIGINAL[i];
    if (original && Object.getOwnPropertyDescriptor(owner, key)?.value !== original.value) Object.defineProperty(owner, key, original);
  });
}

/** Run a step that loads pdf.js code (the library, its worker side), then restore the built-ins. */
export async function loadingPdfjs<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } finally {
    restoreBuiltins();
  }
}
