/** The one place Dossier touches a YAML library: front matter and `_config.yml` both parse here. */
import yaml from 'js-yaml';

/** A YAML syntax problem at a 1-based line and column inside the parsed text. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(reason);
  }
}

/** Parses YAML the way Jekyll's Psych does for the cases real sites hit; throws YamlSyntaxError. */
export function parseYaml(text: string): unknown {
  try {
    return yaml.load(text, { schema: yaml.DEFAULT_SCHEMA, json: false });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark as { line?: number; column?: number } | undefined;
      return rethrow(error.reason || error.message, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1);
    }
    throw error;
  }
}

function rethrow(reason: string, line: number, column: number): never {
  throw new YamlSyntaxError(reason, line, column);
}

/** Parses YAML keeping the last of duplicated keys, as Ruby's Psych does; broken YAML gives `{}`. */
export function parseYamlLenient(text: string): unknown {
  try {
    return yaml.load(text, { json: true });
  } catch {
    return {};
  }
}
