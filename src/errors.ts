/** Failures that stop a build (config, templates, disk), as opposed to content diagnostics. */

/** Base class: every fatal Dossier error carries a hint telling the user what to do. */
export class DossierError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** `_config.yml` or command-line options are unusable; the CLI exits with code 2. */
export class ConfigError extends DossierError {}

/** A layout or partial cannot be compiled or rendered. */
export class TemplateError extends DossierError {}

/** Reading the source or writing the output failed. */
export class OutputError extends DossierError {}

/** Wrong command-line flags or arguments; the CLI prints the usage and exits with code 2. */
export class UsageError extends Error {}
