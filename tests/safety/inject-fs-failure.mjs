// Preloaded with `node --import` by the safety tests: makes file writes whose path contains
// DOSSIER_TEST_FAIL_PATH fail with the error code DOSSIER_TEST_FAIL_CODE (ENOSPC, EROFS, …),
// as a full or read-only disk would. Test-only: nothing in the project loads it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const code = process.env.DOSSIER_TEST_FAIL_CODE;
const needle = process.env.DOSSIER_TEST_FAIL_PATH ?? '';

if (code !== undefined) {
  const fail = (target) => {
    if (String(target).includes(needle)) {
      const error = new Error(`${code}: injected failure, write '${target}'`);
      error.code = code;
      throw error;
    }
  };
  for (const name of ['writeFileSync', 'copyFileSync', 'linkSync', 'mkdirSync', 'renameSync', 'symlinkSync']) {
    const original = fs[name];
    // The path written to: the second argument for copies, links and renames.
    const targetIndex = ['copyFileSync', 'linkSync', 'renameSync', 'symlinkSync'].includes(name) ? 1 : 0;
    fs[name] = function (...args) {
      fail(args[targetIndex]);
      return original.apply(this, args);
    };
  }
  syncBuiltinESMExports();
}
