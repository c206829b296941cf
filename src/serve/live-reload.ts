/** Server-Sent Events to open pages: `reload` after a good rebuild, `problem`/`ok` for the error overlay. */
import type { ServerResponse } from 'node:http';

/** Path of the event stream; outside any baseurl so it never collides with a page. */
export const EVENTS_PATH = '/__dossier/events';

/** The open event streams, and the problem currently shown (sent to pages as they connect). */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private problem: string[] | undefined;

  /** Takes over a request as an event stream. */
  connect(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // A comment line flushes the headers so EventSource reports "open" at once.
    res.write(': connected\n\n');
    if (this.problem !== undefined) res.write(event('problem', this.problem));
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  /** Tells every page to reload. */
  reload(): void {
    this.problem = undefined;
    this.broadcast(event('reload', {}));
  }

  /** Shows `lines` (formatted diagnostics or a fatal error) over every open page until the next good build. */
  showProblem(lines: string[]): void {
    this.problem = lines;
    this.broadcast(event('problem', lines));
  }

  /** Hides the overlay without reloading (the fix restored the exact site being served). */
  clearProblem(): void {
    if (this.problem === undefined) return;
    this.problem = undefined;
    this.broadcast(event('ok', {}));
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  /** Number of pages listening, for tests and the benchmark. */
  get size(): number {
    return this.clients.size;
  }

  private broadcast(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The script injected into served HTML (never into built files): reloads, and draws the error overlay. */
const LIVE_RELOAD_SCRIPT = `<script>(() => {
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const id = '__dossier-overlay';
  const hide = () => document.getElementById(id)?.remove();
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('ok', hide);
  source.addEventListener('problem', (e) => {
    hide();
    const box = document.createElement('div');
    box.id = id;
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0d0d;color:#ffdede;font:14px/1.45 ui-monospace,monospace;border-top:4px solid #e5484d;white-space:pre-wrap';
    const title = document.createElement('strong');
    title.textContent = 'Dossier: the last edit broke the build; still serving the previous version.\\n\\n';
    box.append(title, document.createTextNode(JSON.parse(e.data).join('\\n')));
    document.body.append(box);
  });
})();</script>`;

/** Adds the live-reload script before `</body>` (or at the end when the page has none). */
export function injectLiveReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + LIVE_RELOAD_SCRIPT : html.slice(0, at) + LIVE_RELOAD_SCRIPT + html.slice(at);
}
