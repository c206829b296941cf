/** Checks external URLs politely: bounded concurrency, a few requests per host, timeouts, retries, an on-disk cache. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * `broken`: the server answered that the page is gone; `unreachable`: no usable answer (DNS, timeout,
 * 5xx); `unchecked`: not asked (a private address, the time budget ran out, or its host kept timing out).
 */
export type ExternalStatus = 'ok' | 'broken' | 'unreachable' | 'unchecked';

/** The verdict on one URL (fragment removed). */
export interface ExternalResult {
  status: ExternalStatus;
  /** Final HTTP status code, when the server answered. */
  code: number | undefined;
  /** Short human reason, e.g. `404 Not Found` or `timed out after 10 s`. */
  reason: string;
  fromCache: boolean;
}

export interface ExternalCheckOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency?: number;
  /** Requests in flight at once to one host. */
  perHost?: number;
  /** Pause between two request starts to the same host. */
  hostDelayMs?: number;
  timeoutMs?: number;
  /** Extra attempts after a timeout, network error, 429 or 5xx. */
  retries?: number;
  /** First retry waits this long; each later one twice as long. */
  backoffMs?: number;
  /** JSON cache file; undefined disables the cache. */
  cacheFile?: string | undefined;
  maxAgeMs?: number;
  /** Clock, for tests of cache expiry. */
  now?: () => number;
  userAgent?: string;
  /** Overall budget for the whole check; links not checked by then are reported as unchecked. */
  deadlineMs?: number;
  /** After this many timed-out requests to one host, its remaining links are reported as unchecked. */
  hostTimeoutLimit?: number;
  /** Also fetch loopback, link-local and private addresses (off: a page's links must not probe the local network). */
  allowPrivate?: boolean;
  /** Resolves a host name to its addresses (tests stub DNS). */
  lookup?: (host: string) => Promise<string[]>;
}

interface CacheEntry {
  status: 'ok' | 'broken';
  code: number | undefined;
  reason: string;
  checkedAt: number;
}

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
}

const RETRYABLE_CODES = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);
/** Codes that say "not for you" rather than "gone": bot walls and rate limits, not broken links. */
const REFUSED_CODES = new Set([401, 403, 408, 429]);

/** The URL that is fetched and cached for an href: fragment removed. */
export function externalKey(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** Checks every distinct URL once and returns a verdict per URL key (see `externalKey`). */
export async function checkExternalLinks(
  hrefs: Iterable<string>,
  options: ExternalCheckOptions = {},
): Promise<Map<string, ExternalResult>> {
  const opts = {
    concurrency: options.concurrency ?? 8,
    perHost: options.perHost ?? 2,
    hostDelayMs: options.hostDelayMs ?? 200,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 500,
    maxAgeMs: options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000,
    now: options.now ?? Date.now,
    userAgent: options.userAgent ?? 'dossier-check (link checker; +https://github.com/)',
    deadlineAt: Date.now() + (options.deadlineMs ?? 5 * 60 * 1000),
    hostTimeoutLimit: options.hostTimeoutLimit ?? 3,
    allowPrivate: options.allowPrivate ?? false,
    lookup: options.lookup ?? lookupAll,
  };
  const cache = options.cacheFile === undefined ? undefined : readCache(options.cacheFile);
  const results = new Map<string, ExternalResult>();
  const byHost = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const href of hrefs) {
    const key = externalKey(href);
    if (seen.has(key)) continue;
    seen.add(key);
    const cached = cache?.entries[key];
    if (cached !== undefined && opts.now() - cached.checkedAt <= opts.maxAgeMs) {
      results.set(key, { status: cached.status, code: cached.code, reason: cached.reason, fromCache: true });
      continue;
    }
    let host: string;
    try {
      host = new URL(key).host;
    } catch {
      results.set(key, { status: 'broken', code: undefined, reason: 'not a valid URL', fromCache: false });
      continue;
    }
    const list = byHost.get(host) ?? [];
    list.push(key);
    byHost.set(host, list);
  }

  const slots = new Semaphore(opts.concurrency);
  const lanes: Array<Promise<void>> = [];
  for (const [name, queue] of byHost) {
    const host: HostState = { name, nextStart: 0, timeouts: 0, skip: undefined };
    const lane = async () => {
      if (!opts.allowPrivate) host.skip ??= await privateHostReason(name, opts.lookup);
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        results.set(url, await checkOne(url, opts, slots, host));
      }
    };
    for (let i = 0; i < Math.min(opts.perHost, queue.length); i++) lanes.push(lane());
  }
  await Promise.all(lanes);

  if (cache !== undefined && options.cacheFile !== undefined) {
    for (const [url, result] of results) {
      // "Could not reach" is usually passing trouble; only settled answers are worth remembering.
      if (!result.fromCache && (result.status === 'ok' || result.status === 'broken')) {
        cache.entries[url] = { status: result.status, code: result.code, reason: result.reason, checkedAt: opts.now() };
      }
    }
    writeCache(options.cacheFile, cache);
  }
  return results;
}

type ResolvedOptions = Required<Omit<ExternalCheckOptions, 'cacheFile' | 'deadlineMs'>> & { deadlineAt: number };

/** What the checker knows about one host while it works through its links. */
interface HostState {
  name: string;
  nextStart: number;
  timeouts: number;
  /** Why the host's remaining links are not asked, once they are not. */
  skip: string | undefined;
}

async function checkOne(url: string, opts: ResolvedOptions, slots: Semaphore, host: HostState): Promise<ExternalResult> {
  let last: ExternalResult = { status: 'unreachable', code: undefined, reason: 'not checked', fromCache: false };
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    if (attempt > 0) await sleep(opts.backoffMs * 2 ** (attempt - 1));
    await slots.acquire();
    try {
      const skip = host.skip ?? (Date.now() >= opts.deadlineAt ? 'the time budget of dossier check --external ran out' : undefined);
      if (skip !== undefined) return unchecked(skip);
      const wait = host.nextStart - Date.now();
      host.nextStart = Math.max(Date.now(), host.nextStart) + opts.hostDelayMs;
      if (wait > 0) await sleep(wait);
      last = await probe(url, opts);
    } finally {
      slots.release();
    }
    if (last.reason.startsWith('timed out') && ++host.timeouts >= opts.hostTimeoutLimit) {
      host.skip ??= `${host.timeouts} requests to ${host.name} timed out`;
    }
    if (last.status !== 'unreachable' || (last.code !== undefined && !RETRYABLE_CODES.has(last.code))) return last;
  }
  return last;
}

function unchecked(reason: string): ExternalResult {
  return { status: 'unchecked', code: undefined, reason, fromCache: false };
}

async function lookupAll(host: string): Promise<string[]> {
  return (await dnsLookup(host, { all: true })).map((entry) => entry.address);
}

/** Why `host` is not to be fetched (it is or resolves to a loopback, link-local or private address), or undefined. */
async function privateHostReason(host: string, lookup: (host: string) => Promise<string[]>): Promise<string | undefined> {
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return `${name} is this machine (pass --external-allow-private to check it)`;
  let addresses: string[];
  try {
    addresses = isIP(name) !== 0 ? [name] : await lookup(name);
  } catch {
    // Not resolvable: the request itself reports that.
    return undefined;
  }
  const found = addresses.find(isPrivateAddress);
  return found === undefined ? undefined : `${name} is a private or local address (${found}; pass --external-allow-private to check it)`;
}

/** Loopback, link-local, private-network and unspecified IPv4 and IPv6 addresses. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.\d+\.\d+$/i.exec(address);
  if (v4 !== null) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  return v6 === '::1' || v6 === '::' || /^fe[89ab]/.test(v6) || /^f[cd]/.test(v6);
}

/** HEAD first (cheap); servers that mishandle HEAD get a GET before any verdict. */
async function probe(url: string, opts: ResolvedOptions): Promise<ExternalResult> {
  const head = await request(url, 'HEAD', opts);
  if (head.code !== undefined && head.code < 400) return verdict(head.code, head.statusText);
  if (head.code === undefined) return unreachable(head.error);
  const get = await request(url, 'GET', opts);
  if (get.code === undefined) return unreachable(get.error);
  return verdict(get.code, get.statusText);
}

interface RawAnswer {
  code: number | undefined;
  statusText: string;
  error: string;
}

async function request(url: string, method: 'HEAD' | 'GET', opts: ResolvedOptions): Promise<RawAnswer> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(Math.max(1, Math.min(opts.timeoutMs, opts.deadlineAt - Date.now()))),
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    // The verdict needs only the status line; do not download the page.
    await response.body?.cancel().catch(() => undefined);
    return { code: response.status, statusText: response.statusText, error: '' };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { code: undefined, statusText: '', error: timedOut ? `timed out after ${formatSeconds(opts.timeoutMs)}` : networkReason(error) };
  }
}

function verdict(code: number, statusText: string): ExternalResult {
  const reason = `${code}${statusText === '' ? '' : ` ${statusText}`}`;
  if (code < 400) return { status: 'ok', code, reason, fromCache: false };
  if (code >= 500 || REFUSED_CODES.has(code)) return { status: 'unreachable', code, reason, fromCache: false };
  return { status: 'broken', code, reason, fromCache: false };
}

function unreachable(reason: string): ExternalResult {
  return { status: 'unreachable', code: undefined, reason, fromCache: false };
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found (DNS)';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    default:
      if (code !== undefined && /CERT|SSL|TLS/.test(code)) return `TLS certificate problem (${code})`;
      return typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function readCache(file: string): CacheFile {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.version === 1 && typeof parsed.entries === 'object' && parsed.entries !== null) return { version: 1, entries: parsed.entries };
  } catch {
    // A missing or damaged cache only costs a re-check.
  }
  return { version: 1, entries: {} };
}

function writeCache(file: string, cache: CacheFile): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp-${process.pid}`;
    writeFileSync(temp, `${JSON.stringify(cache)}\n`);
    renameSync(temp, file);
  } catch {
    // A read-only checkout still gets its report; the next run just re-checks.
  }
}

/** Counts requests in flight over all hosts. */
class Semaphore {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.free++;
  }
}
