/** A position in a configuration file, or none for command-line input. */
export interface ConfigProblem {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Bad lint configuration (a config file or a command-line override): every problem found,
 * printed as `file:line:col: error: message`, exit status 2.
 */
export class LintConfigError extends Error {
  override readonly name = 'LintConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
  }
}
