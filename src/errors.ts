/**
 * Errors that end a command. Each kind maps to one exit code, and only the CLI
 * decides how to print it and how to exit.
 */
export const EXIT = {
  ok: 0,
  /** Content, validation or review errors. */
  content: 1,
  /** The command line was wrong. */
  usage: 2,
  /** The machine lacks something: no browser, an unwritable output folder. */
  environment: 3,
} as const;

export type ErrorKind = Exclude<keyof typeof EXIT, 'ok'>;

export class DeckhandError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeckhandError';
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

export const usageError = (message: string) => new DeckhandError(message, 'usage');
export const environmentError = (message: string, cause?: unknown) => new DeckhandError(message, 'environment', { cause });
