/** Check output for people (human), programs (json) and GitHub Actions annotations (github). */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** The output formats `dossier check --format` accepts. */
export const CHECK_FORMATS = ['human', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface FormatContext {
  /** Absolute source folder; finding paths are relative to it. */
  sourceDir: string;
  /** Folder GitHub annotations are relative to (the repository checkout, i.e. the working directory). */
  cwd: string;
  pages: number;
  links: number;
}

/** Renders sorted findings in the chosen format; the result ends with a newline. */
export function formatFindings(findings: readonly Diagnostic[], format: CheckFormat, context: FormatContext): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
        null,
        2,
      )}\n`;
    case 'github':
      return formatGithub(findings, context);
    case 'human':
      return formatHuman(findings, context);
  }
}

function formatHuman(findings: readonly Diagnostic[], context: FormatContext): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const d of findings) {
    if (file !== undefined && d.file !== file) lines.push('');
    file = d.file;
    lines.push(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.rule}]`);
  }
  const errors = findings.filter((d) => d.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = new Set(findings.map((d) => d.file)).size;
  const scope = `${plural(context.pages, 'page')}, ${plural(context.links, 'link')} checked`;
  if (findings.length > 0) lines.push('');
  lines.push(
    findings.length === 0
      ? `No problems found (${scope}).`
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${scope}).`,
  );
  return `${lines.join('\n')}\n`;
}

function formatGithub(findings: readonly Diagnostic[], context: FormatContext): string {
  const lines = findings.map((d) => {
    // Annotations attach to files by their path in the repository, which is the job's working directory.
    const file = path.relative(context.cwd, path.join(context.sourceDir, d.file)).split(path.sep).join('/');
    const props = `file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
    return `::${d.severity} ${props}::${escapeData(d.message)}`;
  });
  const errors = findings.filter((d) => d.severity === 'error').length;
  lines.push(`dossier check: ${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')} (${plural(context.pages, 'page')}, ${plural(context.links, 'link')} checked)`);
  return `${lines.join('\n')}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
