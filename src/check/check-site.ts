/** `dossier check` as a function: build in memory, then collect every finding, mapped to Markdown source. */
import { buildSite, type BuildResult } from '../build.js';
import type { CheckConfig } from '../config/check-config.js';
import { loadConfig } from '../config/load-config.js';
import { defaultCacheDir, diskBuildCaches } from '../incremental/disk-build-caches.js';
import { sortDiagnostics, type Diagnostic, type Severity } from '../diagnostics.js';
import { createOwnTemplateEngine } from '../layout/template-engine.js';
import { MemoryWriter } from '../write/writer.js';
import { checkChapterLists } from './check-chapter-lists.js';
import { ruleSetting } from './rule-setting.js';
import { checkExternalLinks, externalKey, type ExternalCheckOptions } from './check-external-links.js';
import { checkInternalLinks, type ExternalLink } from './check-internal-links.js';
import { SiteIndex } from './site-index.js';

export interface CheckOptions {
  sourceDir: string;
  /** Also check http(s) links over the network. */
  external?: boolean;
  /** Overrides for the external checker (tests shorten delays and move the cache). */
  externalOptions?: ExternalCheckOptions;
}

export interface CheckResult {
  /** Sorted, deduplicated findings after rule settings; `off` rules are gone. */
  findings: Diagnostic[];
  pages: number;
  /** Links looked at (internal and external), for the summary line. */
  links: number;
  /** Milliseconds for the build and for the checks after it. */
  timings: { build: number; check: number; external: number };
}

/** Rules the build reports as warnings that `check` treats as errors: wrong notes mislead readers. */
const PROMOTED_TO_ERROR = /^notes\//;

/** Builds the site at `sourceDir` in memory, running none of its template code, and checks it. Bad config throws a ConfigError. */
export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  // Bad check settings fail here, with every other config problem, before anything is built (exit code 2).
  const config = loadConfig(options.sourceDir);
  const writer = new MemoryWriter();
  const t0 = performance.now();
  // The build's caches make `check` after `build` skip re-rendering and re-indexing unchanged pages.
  const caches = diskBuildCaches(defaultCacheDir(config.sourceDir));
  // Pages are laid out with Dossier's own templates: a site's templates are code, and the findings come
  // from the Markdown and the structure Dossier adds around it (docs/safety.md).
  const build = await buildSite({ sourceDir: config.sourceDir, config, writer, templates: createOwnTemplateEngine, ...caches });
  const buildMs = performance.now() - t0;
  const result = await checkBuiltSite(build, writer.files, config.check, options);
  result.timings.build = buildMs;
  return result;
}

/** Checks a site that is already built (the build result and its output files). */
export async function checkBuiltSite(
  build: BuildResult,
  files: ReadonlyMap<string, string | Uint8Array>,
  checkConfig: CheckConfig = build.config.check,
  options: Pick<CheckOptions, 'external' | 'externalOptions'> = {},
): Promise<CheckResult> {
  const t0 = performance.now();
  const index = new SiteIndex(build.config.baseurl, files, build.pages, build.rendered);
  const internal = checkInternalLinks(build.pages, build.rendered, index, checkConfig.isIgnored);
  const findings: Diagnostic[] = [
    ...build.diagnostics.map((d) => (PROMOTED_TO_ERROR.test(d.rule) ? { ...d, severity: 'error' as const } : d)),
    ...internal.diagnostics,
    ...checkChapterLists(build.pages, build.nav, index),
  ];
  const checkMs = performance.now() - t0;

  let externalMs = 0;
  if (options.external === true && internal.external.length > 0) {
    const t1 = performance.now();
    findings.push(...(await checkExternal(internal.external, checkConfig, options.externalOptions ?? {})));
    externalMs = performance.now() - t1;
  }
  return {
    findings: applyRules(findings, checkConfig),
    pages: build.pages.length,
    // External links only count as checked when they were.
    links: options.external === true ? internal.checked : internal.checked - internal.external.length,
    timings: { build: 0, check: checkMs, external: externalMs },
  };
}

async function checkExternal(links: readonly ExternalLink[], config: CheckConfig, overrides: ExternalCheckOptions): Promise<Diagnostic[]> {
  const { external } = config;
  const results = await checkExternalLinks(
    links.map((l) => l.url),
    {
      concurrency: external.concurrency,
      perHost: external.perHost,
      timeoutMs: external.timeoutMs,
      retries: external.retries,
      maxAgeMs: external.maxAgeMs,
      cacheFile: external.cacheFile,
      ...overrides,
    },
  );
  const out: Diagnostic[] = [];
  for (const link of links) {
    const result = results.get(externalKey(link.url));
    if (result === undefined || result.status === 'ok') continue;
    const at = { file: link.file, line: link.line, column: link.column };
    if (result.status === 'broken') {
      out.push({ ...at, severity: 'error', rule: 'links/external-broken', message: `${link.url} is broken: ${result.reason}` });
    } else if (result.status === 'unchecked') {
      out.push({ ...at, severity: 'warning', rule: 'links/external-unchecked', message: `${link.url} was not checked: ${result.reason}` });
    } else {
      out.push({ ...at, severity: 'warning', rule: 'links/external-unreachable', message: `could not reach ${link.url}: ${result.reason}` });
    }
  }
  return out;
}

/** Applies `dossier.check.rules`, drops `off` rules and duplicates, and sorts. */
function applyRules(findings: readonly Diagnostic[], config: CheckConfig): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of findings) {
    const setting = ruleSetting(config.rules, d.rule, d.severity);
    if (setting === 'off') continue;
    const finding = { ...d, severity: setting satisfies Severity };
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return sortDiagnostics(out);
}
