/** Command-line flag parsing shared by every command. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

/** Parses flags with node:util, turning its errors into UsageErrors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: false, strict: true, allowNegative: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
