/** `dossier import`: a scraped article → an essay page and its chapters in a site. */
import path from 'node:path';
import { checkSite } from '../check/check-site.js';
import { loadConfig } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Article } from './article.js';
import { extractArticle } from './extract-article.js';
import { readImportInput } from './read-input.js';
import { findSiteTarget } from './site-target.js';
import { splitChapters, type ChapterMode } from './split-chapters.js';
import { planEssay, writeFiles, type PlannedFile } from './write-essay.js';

/** What `importArticle` is asked to do. */
export interface ImportOptions {
  input: string;
  siteDir: string;
  parent?: string | undefined;
  grandParent?: string | undefined;
  title?: string | undefined;
  chapters: ChapterMode;
  dryRun: boolean;
  /** Reads stdin for INPUT `-` (tests pass their own). */
  readStdin?: () => Buffer;
}

/** The article found, the files planned (and written unless dry run), and the check's findings on them. */
export interface ImportResult {
  article: Article;
  files: PlannedFile[];
  written: string[];
  findings: Diagnostic[];
}

/** Imports one article into a site; throws ImportError (nothing written) for bad input or an unknown parent. */
export async function importArticle(options: ImportOptions): Promise<ImportResult> {
  const config = loadConfig(path.resolve(options.siteDir));
  const input = readImportInput(options.input, options.readStdin);
  const article = extractArticle(input, options.title);
  const target = findSiteTarget(config, options.parent, options.grandParent);
  const split = splitChapters(article.blocks, options.chapters);
  const files = planEssay(article, split, target, { parent: options.parent, grandParent: options.grandParent }, config);
  if (options.dryRun) return { article, files, written: [], findings: [] };
  const written = writeFiles(config.sourceDir, files);
  const check = await checkSite({ sourceDir: config.sourceDir });
  const mine = new Set(written);
  return { article, files, written, findings: check.findings.filter((d) => mine.has(d.file)) };
}
