/**
 * The head tags jekyll-seo-tag writes for a page (title, description, canonical, Open Graph, Twitter,
 * verification keys, JSON-LD), as data: one template partial prints them, and the JSON-LD comes from
 * one function so other metadata can join the same block.
 */
import type { SiteConfig } from '../config/site-config.js';
import type { SeoSite } from '../config/site-settings.js';
import { pageAuthorship, readDate, type Authorship, type PageDate } from '../front-matter/authorship.js';
import { absoluteUrl, canonicalUrl, escapeUri, isAbsoluteUrl } from './site-url.js';
import { seoText } from './seo-text.js';

/** One tag of the head: `<meta name|property="key" content>` or `<link …>` with its attributes in order. */
export type HeadTag =
  | { kind: 'meta'; attribute: 'name' | 'property'; key: string; content: string }
  | { kind: 'link'; attributes: ReadonlyArray<readonly [name: string, value: string]> };

/** A JSON-LD object; keys are printed in code-unit order, as jekyll-seo-tag sorts them. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | JsonLd | JsonValue[];

/** Everything the head prints for search engines and link previews. */
export interface SeoHead {
  /** Text of `<title>`. */
  title: string;
  tags: HeadTag[];
  jsonLd: JsonLd;
}

/** What the tags are made from: the page's URL and front matter, and site extras found at build time. */
export interface SeoInput {
  url: string;
  data: Readonly<Record<string, unknown>>;
  /** Site path of the Atom feed when the site publishes one (adds jekyll-feed's `<link rel="alternate">`). */
  feedPath?: string | undefined;
}

type Raw = Readonly<Record<string, unknown>>;

/** jekyll-seo-tag's facts about one page, computed once and shared by the tags and the JSON-LD. */
export interface SeoFacts {
  siteTitle: string | undefined;
  pageTitle: string | undefined;
  description: string | undefined;
  canonical: string;
  image: SeoImage | undefined;
  authorship: Authorship;
  homepage: boolean;
  seo: Raw;
  lastModifiedAt: PageDate | undefined;
}

interface SeoImage {
  url: string;
  /** The image mapping's other keys (height, width, alt…), in the author's order. */
  extra: Array<[string, JsonValue]>;
}

const HOMEPAGE_OR_ABOUT = /^\/(about\/)?(index\.html?)?$/;

/** The SEO head of one page, as jekyll-seo-tag 2.8 writes it. */
export function seoHead(input: SeoInput, config: SiteConfig): SeoHead {
  const facts = seoFacts(input, config);
  return { title: seoTitle(facts, config.seoSite), tags: seoTags(facts, input, config), jsonLd: seoJsonLd(facts, config) };
}

/** The page facts every SEO tag and the JSON-LD are made from. */
export function seoFacts(input: SeoInput, config: SiteConfig): SeoFacts {
  const site = config.seoSite;
  const page = input.data;
  const siteTitle = seoText(site.title ?? site.name);
  const explicit = page['canonical_url'];
  return {
    siteTitle,
    pageTitle: seoText(page['title']) ?? siteTitle,
    description: seoText(page['description']) ?? seoText(site.description),
    canonical: typeof explicit === 'string' && explicit !== '' ? explicit : canonicalUrl(config, input.url),
    image: seoImage(page['image'], config),
    authorship: pageAuthorship(page, site.author),
    homepage: HOMEPAGE_OR_ABOUT.test(input.url),
    seo: mapping(page['seo']),
    lastModifiedAt: readDate(page['last_modified_at']),
  };
}

/** `Page | Site`; the site's own title with its tagline or description when the page has no other title. */
function seoTitle(facts: SeoFacts, site: SeoSite): string {
  const { siteTitle, pageTitle } = facts;
  if (siteTitle !== undefined && pageTitle !== siteTitle) return `${pageTitle} | ${siteTitle}`;
  const tagline = seoText(site.tagline) ?? seoText(site.description);
  if (siteTitle !== undefined && seoText(site.description) !== undefined && tagline !== undefined) return `${siteTitle} | ${tagline}`;
  return pageTitle ?? siteTitle ?? '';
}

function seoTags(facts: SeoFacts, input: SeoInput, config: SiteConfig): HeadTag[] {
  const site = config.seoSite;
  const page = input.data;
  const tags: HeadTag[] = [];
  const meta = metaPusher(tags);
  meta('name', 'generator', 'Dossier');
  meta('property', 'og:title', facts.pageTitle);
  meta('name', 'author', facts.authorship.author?.name);
  const lang = text(page['lang']) ?? text(site.lang) ?? 'en_US';
  meta('property', 'og:locale', (text(page['locale']) ?? text(site.locale) ?? lang).replaceAll('-', '_'));
  meta('name', 'description', facts.description);
  meta('property', 'og:description', facts.description);
  if (config.url !== '') {
    tags.push({ kind: 'link', attributes: [['rel', 'canonical'], ['href', facts.canonical]] });
    meta('property', 'og:url', facts.canonical);
  }
  meta('property', 'og:site_name', facts.siteTitle);
  const image = facts.image;
  if (image !== undefined) {
    meta('property', 'og:image', image.url);
    for (const key of ['height', 'width', 'alt']) meta('property', `og:image:${key}`, scalar(image.extra.find(([k]) => k === key)?.[1]));
  }
  const date = facts.authorship.date;
  meta('property', 'og:type', date === undefined ? 'website' : 'article');
  meta('property', 'article:published_time', date?.xmlschema);
  tags.push(...twitterTags(facts, page, site));
  tags.push(...siteOwnerTags(site));
  if (input.feedPath !== undefined) {
    const href = absoluteUrl(config, input.feedPath);
    tags.push({ kind: 'link', attributes: [['type', 'application/atom+xml'], ['rel', 'alternate'], ['href', href], ['title', facts.siteTitle ?? '']] });
  }
  return tags;
}

function twitterTags(facts: SeoFacts, page: Raw, site: SeoSite): HeadTag[] {
  const tags: HeadTag[] = [];
  const meta = metaPusher(tags);
  const alt = scalar(facts.image?.extra.find(([k]) => k === 'alt')?.[1]);
  if (facts.image !== undefined) {
    meta('name', 'twitter:card', text(mapping(page['twitter'])['card']) ?? text(mapping(site.twitter)['card']) ?? 'summary_large_image');
    meta('property', 'twitter:image', facts.image.url);
  } else {
    meta('name', 'twitter:card', 'summary');
  }
  meta('name', 'twitter:image:alt', alt);
  meta('property', 'twitter:title', facts.pageTitle);
  const twitter = site.twitter;
  if (twitter !== undefined && twitter !== null && twitter !== false) {
    const username = typeof twitter === 'string' ? twitter : (text(mapping(twitter)['username']) ?? '');
    meta('name', 'twitter:site', `@${username.replaceAll('@', '')}`);
    const creator = facts.authorship.author?.twitter;
    if (creator !== undefined) meta('name', 'twitter:creator', `@${creator.replaceAll('@', '')}`);
  }
  return tags;
}

/** Adds `<meta>` tags to `tags`, skipping empty content as jekyll-seo-tag's `{% if %}`s do. */
function metaPusher(tags: HeadTag[]) {
  return (attribute: 'name' | 'property', key: string, content: string | undefined): void => {
    if (content !== undefined && content !== '') tags.push({ kind: 'meta', attribute, key, content });
  };
}

const VERIFICATIONS: ReadonlyArray<readonly [key: string, meta: string]> = [
  ['google', 'google-site-verification'],
  ['bing', 'msvalidate.01'],
  ['alexa', 'alexaVerifyID'],
  ['yandex', 'yandex-verification'],
  ['baidu', 'baidu-site-verification'],
  ['facebook', 'facebook-domain-verification'],
];

/** `facebook:` and site-verification keys, which say who owns the site rather than describe the page. */
function siteOwnerTags(site: SeoSite): HeadTag[] {
  const tags: HeadTag[] = [];
  const facebook = mapping(site.facebook);
  const push = metaPusher(tags);
  push('property', 'fb:admins', text(facebook['admins']));
  push('property', 'article:publisher', text(facebook['publisher']));
  push('property', 'fb:app_id', text(facebook['app_id']));
  const verifications = mapping(site.webmasterVerifications);
  if (Object.keys(verifications).length > 0) {
    for (const [key, name] of VERIFICATIONS) push('name', name, text(verifications[key]));
  } else {
    push('name', 'google-site-verification', text(site.googleSiteVerification));
  }
  return tags;
}

/**
 * The page's JSON-LD (schema.org WebSite, WebPage, BlogPosting or the `seo.type`), keys sorted, empty
 * values left out: the one place this object is built.
 */
export function seoJsonLd(facts: SeoFacts, config: SiteConfig): JsonLd {
  const site = config.seoSite;
  const { author, date } = facts.authorship;
  const type = text(facts.seo['type']) ?? (facts.homepage ? 'WebSite' : date !== undefined ? 'BlogPosting' : 'WebPage');
  const logo = text(site.logo);
  const logoUrl = logo === undefined ? undefined : isAbsoluteUrl(logo) ? escapeUri(logo) : absoluteUrl(config, logo);
  const social = mapping(site.social);
  const name = seoText(facts.seo['name']) ?? (facts.homepage ? (seoText(social['name']) ?? facts.siteTitle) : undefined);
  const links = facts.seo['links'] ?? (facts.homepage ? social['links'] : undefined);
  // jekyll-seo-tag reads `last_modified_at` only; Just the Docs' `last_modified_date` feeds the sitemap instead.
  const modified = text(facts.seo['date_modified']) ?? facts.lastModifiedAt?.xmlschema ?? date?.xmlschema;
  const authorType = author?.type;
  const entries: Array<[string, JsonValue | undefined]> = [
    ['@context', 'https://schema.org'],
    ['@type', type],
    ['author', author === undefined || (authorType !== undefined && authorType !== 'Person' && authorType !== 'Organization') ? undefined : compact({ '@type': authorType ?? 'Person', name: author.name, url: author.url })],
    ['dateModified', modified],
    ['datePublished', date?.xmlschema],
    ['description', facts.description],
    ['headline', facts.pageTitle],
    ['image', facts.image === undefined ? undefined : facts.image.extra.length === 0 ? facts.image.url : { ...Object.fromEntries(facts.image.extra), url: facts.image.url, '@type': 'imageObject' }],
    ['mainEntityOfPage', type === 'BlogPosting' || type === 'CreativeWork' ? { '@type': 'WebPage', '@id': facts.canonical } : undefined],
    ['name', name],
    ['publisher', logoUrl === undefined ? undefined : compact({ '@type': 'Organization', logo: { '@type': 'ImageObject', url: logoUrl }, name: author?.name })],
    ['sameAs', Array.isArray(links) ? links.filter((l): l is string => typeof l === 'string') : typeof links === 'string' ? links : undefined],
    ['url', facts.canonical],
  ];
  return compact(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** `image:` as a path or URL, or a mapping with `path` (or `facebook`/`twitter`) and extras; site paths become absolute. */
function seoImage(value: unknown, config: SiteConfig): SeoImage | undefined {
  const map: Raw = typeof value === 'string' ? { path: value } : mapping(value);
  const raw = text(map['path']) ?? text(map['facebook']) ?? text(map['twitter']);
  if (raw === undefined || raw === '') return undefined;
  const url = isAbsoluteUrl(raw) ? escapeUri(raw) : absoluteUrl(config, raw);
  const extra = Object.entries(map).filter(([key, v]) => key !== 'path' && isJson(v)) as Array<[string, JsonValue]>;
  return { url, extra };
}

function isJson(value: unknown): value is JsonValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function mapping(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Raw) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function scalar(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The object without its undefined values. */
function compact(object: Record<string, JsonValue | undefined>): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as JsonLd;
}
