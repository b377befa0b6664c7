/**
 * Typed errors. Commands throw them; `src/cli/main.ts` is the only place that turns them into
 * output and an exit status. Nothing else calls process.exit.
 */

/** Bad command-line usage: exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Bad input with a position: printed as `file:line:col: error: message`, exit status 2.
 * Used for slipway.yaml errors, unreadable files, refused paths.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** The one-line form: `file:line:col: error: message`. */
  format(): string {
    const where = this.file === undefined ? '' : `${this.file}${this.line === undefined ? '' : `:${this.line}:${this.column ?? 1}`}: `;
    return `${where}error: ${this.message}`;
  }
}

/** Several input errors found at once (all printed, exit status 2). */
export class InputErrors extends Error {
  override readonly name = 'InputErrors';
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.format()).join('\n'));
  }
}

/** A command that has already printed what it had to say and wants a given exit status. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
