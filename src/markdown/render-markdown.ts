/** Stage 5: render one page's body to HTML plus the data later stages need. A pure function of its input. */
import { VFile } from 'vfile';
import type { Diagnostic } from '../diagnostics.js';
import { pageTerms } from './page-terms.js';
import type { MarkdownInput, RenderedPage } from './page-data.js';
import { JEKYLL_KRAMDOWN_DEFAULTS } from '../config/kramdown-options.js';
import { preprocessKramdown } from './preprocess-kramdown.js';
import { nestingProblem } from './nesting-guard.js';
import { plainPage, renderFailedPage } from './render-failed.js';
import { createProcessor, type ProcessorOptions } from './processor.js';

export type { MarkdownInput } from './page-data.js';

export type RenderMarkdown = (input: MarkdownInput) => RenderedPage<string>;

const utf8 = new TextDecoder();

const renderers = new Map<string, RenderMarkdown>();

/** The render function for these options, built once per thread and reused by every later build. */
export function rendererFor(options: ProcessorOptions): RenderMarkdown {
  const key = JSON.stringify(options);
  let render = renderers.get(key);
  if (render === undefined) {
    render = createMarkdownRenderer(options);
    renderers.set(key, render);
  }
  return render;
}

/** Builds the processor once and returns the per-page render function. */
export function createMarkdownRenderer(options: ProcessorOptions): RenderMarkdown {
  const processor = createProcessor(options);
  return (input) => {
    const text = typeof input.body === 'string' ? input.body : utf8.decode(input.body);
    if (input.kind === 'html') return plainPage(input.path, text, []);
    // Checked before parsing: these shapes would take the parser minutes, not fail.
    const deep = nestingProblem(text);
    if (deep !== undefined) return renderFailedPage(input, text, deep.reason, input.bodyLine + deep.line - 1);
    try {
      return renderText(text, input);
    } catch (error) {
      // A page the chain cannot take (nesting deep enough to overflow the stack, say) must not stop
      // the site: it is published as its own text, and the build reports an error at its first line.
      return renderFailedPage(input, text, error instanceof Error ? error.message : String(error));
    }
  };

  function renderText(text: string, input: MarkdownInput): RenderedPage<string> {
    const pre = preprocessKramdown(text, { input: (options.kramdown ?? JEKYLL_KRAMDOWN_DEFAULTS).input });
    const file = new VFile({ path: input.path, value: pre.text, data: { markdownBlocks: pre.markdownBlocks, trailingIals: pre.trailingIals, attributeListLines: pre.attributeListLines } });
    const tree = processor.parse(file);
    const html = processor.stringify(processor.runSync(tree, file), file);
    const toSourceLine = (line: number) => (pre.lineMap[line - 1] ?? line) + input.bodyLine - 1;
    const diagnostics: Diagnostic[] = file.messages.map((message) => ({
      file: input.path,
      line: toSourceLine(message.line ?? 1),
      column: message.column ?? 1,
      severity: message.fatal === true ? 'error' : 'warning',
      rule: message.ruleId ? `${message.source ?? 'markdown'}/${message.ruleId}` : (message.source ?? 'markdown'),
      message: message.reason,
    }));
    const notes = file.data.notes ?? { refs: [], defs: [] };
    const body = String(html);
    return {
      path: input.path,
      html: body,
      headings: file.data.headings ?? [],
      ids: file.data.ids ?? [],
      sections: file.data.sections ?? [],
      notes: {
        refs: notes.refs.map((r) => ({ ...r, line: toSourceLine(r.line) })),
        defs: notes.defs.map((d) => ({ ...d, line: toSourceLine(d.line) })),
      },
      links: (file.data.links ?? []).map((l) => ({ ...l, line: toSourceLine(l.line) })),
      // Counted here, on worker threads, so the search index is only a merge at the end of the build.
      terms: pageTerms(body),
      diagnostics,
    };
  }
}
