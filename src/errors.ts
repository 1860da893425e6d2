/**
 * An input the tool cannot read (missing, empty, binary, corrupt, encrypted…).
 * Commands print `policy-parse: FILE: reason` and exit 2; nothing is written.
 */
export class InputError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
  }
}

/** Wrong command-line usage; exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
