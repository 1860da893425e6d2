// On some damaged files pdf.js rejects a promise of its own that nothing awaits ("ParserEOFException:
// End of file inside array."), besides failing the read that is awaited (reported as the file's error).
// Node's default for such a stray rejection ends the process: the CLI and the batch workers ignore
// these (src/cli/main.ts, src/batch/worker.ts) and keep the default for every other rejection. A
// library caller that sees them can do the same with this test.
const PDFJS_EXCEPTION = /^(?:ParserEOFException|FormatError|UnknownErrorException|InvalidPDFException|MissingPDFException)$/;

/** An exception pdf.js raises for a damaged file (its worker side's errors come as UnknownErrorException). */
export function isPdfjsFileError(reason: unknown): boolean {
  return reason instanceof Error && PDFJS_EXCEPTION.test(reason.name);
}

/** Ignore pdf.js's stray rejections; any other unhandled rejection still ends the process. */
export function ignoreStrayPdfjsRejections(): void {
  process.on('unhandledRejection', (reason) => {
    if (!isPdfjsFileError(reason)) throw reason;
  });
}
