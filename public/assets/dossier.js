/* Dossier's page enhancements. Everything here is optional: without it links, nav and notes still work. */
(function () {
  'use strict';

  var root = document.documentElement;
  var THEME_KEY = 'dossier-theme';
  var WIDE = window.matchMedia('(min-width: 50rem)');

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  function storedTheme() {
    try {
      var t = localStorage.getItem(THEME_KEY);
      return t === 'light' || t === 'dark' ? t : null;
    } catch (e) {
      return null;
    }
  }

  function defaultTheme() {
    var d = root.getAttribute('data-default-theme');
    if (d === 'light' || d === 'dark') return d;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /* ---------- Theme toggle ---------- */
  function setupTheme() {
    var button = document.querySelector('.theme-toggle');
    function apply(theme) {
      root.setAttribute('data-theme', theme);
      if (button) button.setAttribute('aria-pressed', String(theme === 'dark'));
    }
    apply(root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
        try {
          localStorage.setItem(THEME_KEY, next);
        } catch (e) {
          /* Private windows may refuse storage; the toggle still works for this page. */
        }
        apply(next);
      });
    }
    // Follow the system while the reader has not chosen; a choice sticks.
    var media = window.matchMedia('(prefers-color-scheme: dark)');
    var onChange = function () {
      if (storedTheme() === null) apply(defaultTheme());
    };
    if (media.addEventListener) media.addEventListener('change', onChange);
    window.addEventListener('storage', function (event) {
      if (event.key === THEME_KEY) apply(storedTheme() || defaultTheme());
    });
  }

  /* ---------- Menu drawer (small screens) ---------- */
  function setupMenu() {
    var button = document.querySelector('.menu-button');
    var drawer = document.getElementById('site-nav');
    if (!button || !drawer) return;
    button.hidden = false;
    function setOpen(open, restoreFocus) {
      root.classList.toggle('nav-open', open);
      button.setAttribute('aria-expanded', String(open));
      if (open) {
        var current = drawer.querySelector('[aria-current="page"]') || drawer.querySelector('a');
        if (current) current.focus();
      } else if (restoreFocus) {
        button.focus();
      }
    }
    button.addEventListener('click', function () {
      setOpen(button.getAttribute('aria-expanded') !== 'true', false);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && root.classList.contains('nav-open')) setOpen(false, true);
    });
    drawer.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a');
      if (link && root.classList.contains('nav-open')) setOpen(false, false);
    });
    var onWide = function () {
      if (WIDE.matches && root.classList.contains('nav-open')) setOpen(false, false);
    };
    if (WIDE.addEventListener) WIDE.addEventListener('change', onWide);
  }

  /* ---------- Sidebar tree: open and close branches, loading closed ones from nav.json ---------- */
  var navPromise = null;
  function navData() {
    if (navPromise === null) {
      navPromise = fetch(root.getAttribute('data-nav-json')).then(function (response) {
        if (!response.ok) throw new Error('nav.json: ' + response.status);
        return response.json();
      });
      navPromise.catch(function () {
        navPromise = null;
      });
    }
    return navPromise;
  }

  function entryAt(data, navPath) {
    var list = data.n;
    var entry = null;
    var parts = navPath.split('.');
    for (var i = 0; i < parts.length; i++) {
      entry = list && list[Number(parts[i])];
      if (!entry) return null;
      list = entry[2] || [];
    }
    return entry;
  }

  // An entry for nav.json's `entry` at `navPath`: a copy of the page's <template id="nav-item-template">,
  // which the build writes with the same code as the entries around it, slots filled in.
  function navItem(data, entry, navPath) {
    var template = document.getElementById('nav-item-template');
    var li = template.content.firstElementChild.cloneNode(true);
    var children = entry[2] || [];
    var href = data.b + entry[1];
    Array.prototype.forEach.call(li.querySelectorAll('[data-slot="title"]'), function (slot) {
      slot.textContent = entry[0];
    });
    var link = li.querySelector(':scope > .nav-link');
    link.href = href;
    if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
    if (children.length === 0) {
      li.classList.remove('has-children');
      li.removeAttribute('data-nav-path');
      li.querySelector(':scope > .nav-branch').remove();
      return li;
    }
    li.setAttribute('data-nav-path', navPath);
    var all = li.querySelector('.nav-more-link');
    all.href = href;
    all.setAttribute('data-nav-more', navPath);
    all.setAttribute('data-nav-range', '0-' + (children.length - 1));
    all.querySelector('[data-slot="count"]').textContent = String(children.length);
    return li;
  }

  // A long list shows a window of its entries; a "more" link stands for each hidden run
  // (data-nav-range="first-last" in the list of data-nav-more). Put the run in its place.
  function showMore(link, moveFocus) {
    var more = link.parentElement;
    var parentPath = link.getAttribute('data-nav-more') || '';
    var range = (link.getAttribute('data-nav-range') || '').split('-');
    var first = Number(range[0]);
    var last = Number(range[1]);
    link.setAttribute('aria-busy', 'true');
    navData()
      .then(function (data) {
        var list = parentPath === '' ? data.n : (entryAt(data, parentPath) || [])[2] || [];
        var entries = list.slice(first, last + 1);
        if (entries.length !== last - first + 1) throw new Error('nav range not found');
        var items = document.createDocumentFragment();
        entries.forEach(function (entry, k) {
          items.appendChild(navItem(data, entry, (parentPath === '' ? '' : parentPath + '.') + (first + k)));
        });
        var firstLink = items.querySelector('.nav-link');
        more.parentElement.insertBefore(items, more);
        more.remove();
        if (firstLink && moveFocus) firstLink.focus();
      })
      .catch(function () {
        // Without the tree the parent page lists every entry: go there.
        location.href = link.href;
      });
  }

  function setupNavTree() {
    var nav = document.querySelector('.site-nav');
    if (!nav) return;
    nav.addEventListener('click', function (event) {
      var more = event.target.closest && event.target.closest('.nav-more-link');
      if (more && nav.contains(more) && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        if (!more.hasAttribute('aria-busy')) showMore(more, true);
        return;
      }
    });
    // A closed branch opens natively (<details>); its list holds one "Show all" link until the entries load.
    nav.addEventListener(
      'toggle',
      function (event) {
        var branch = event.target;
        if (!branch.classList || !branch.classList.contains('nav-branch')) return;
        branch.parentElement.classList.toggle('is-open', branch.open);
        var list = branch.querySelector(':scope > .nav-list');
        var all = list && list.children.length === 1 ? list.querySelector(':scope > .nav-more > .nav-more-link') : null;
        if (branch.open && all && !all.hasAttribute('aria-busy')) showMore(all, false);
      },
      true,
    );
    // Keep the current page in view inside a long sidebar.
    var current = nav.querySelector('[aria-current="page"]');
    var scroller = document.querySelector('.side-bar');
    if (current && scroller && WIDE.matches) {
      var top = current.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      if (top > scroller.clientHeight * 0.6) scroller.scrollTop = top - scroller.clientHeight / 3;
    }
  }

  /* ---------- "On this page": highlight the section being read ---------- */
  function setupPageToc() {
    var links = Array.prototype.slice.call(document.querySelectorAll('.page-toc a[href^="#"]'));
    if (links.length === 0) return;
    var targets = links
      .map(function (a) {
        return { link: a, heading: document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))) };
      })
      .filter(function (t) {
        return t.heading !== null;
      });
    var active = null;
    var scheduled = false;
    function update() {
      scheduled = false;
      var line = Math.min(window.innerHeight * 0.3, 200);
      var next = targets[0] || null;
      for (var i = 0; i < targets.length; i++) {
        if (targets[i].heading.getBoundingClientRect().top <= line) next = targets[i];
        else break;
      }
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2 && targets.length > 0) {
        next = targets[targets.length - 1];
      }
      if (next === active) return;
      if (active) {
        active.link.classList.remove('is-active');
        active.link.removeAttribute('aria-current');
      }
      active = next;
      if (active) {
        active.link.classList.add('is-active');
        active.link.setAttribute('aria-current', 'location');
      }
    }
    function schedule() {
      if (!scheduled) {
        scheduled = true;
        window.requestAnimationFrame(update);
      }
    }
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    update();
  }

  /* ---------- Search (assets/search.js and the site's search/ index, loaded on first use) ---------- */
  function setupSearch() {
    var searchModule = root.getAttribute('data-search');
    var dialog = document.getElementById('search-dialog');
    var openButton = document.querySelector('.search-button');
    if (!searchModule || !dialog || !openButton || typeof dialog.showModal !== 'function') return;
    var input = dialog.querySelector('.search-input');
    var results = dialog.querySelector('.search-results');
    var status = dialog.querySelector('.search-status');
    var closeButton = dialog.querySelector('.search-close');
    var engine = null;
    var query = '';
    openButton.hidden = false;

    function load() {
      if (engine === null) {
        engine = import(searchModule).then(function (s) {
          s.options({ excerptLength: 26 });
          return s.init().then(function () {
            return s;
          });
        });
        engine.catch(function () {
          engine = null;
        });
      }
      return engine;
    }

    function open() {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      load().catch(function () {
        status.textContent = 'Search is not available here.';
      });
    }

    function item(href, title, excerpt) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href;
      var t = document.createElement('span');
      t.className = 'search-result-title';
      t.textContent = title;
      a.appendChild(t);
      if (excerpt) {
        var e = document.createElement('span');
        e.className = 'search-result-excerpt';
        // search.js's excerpts are escaped text with <mark> around the matches.
        e.innerHTML = excerpt;
        a.appendChild(e);
      }
      li.appendChild(a);
      return li;
    }

    function render(pages, total, forQuery) {
      if (forQuery !== query) return;
      results.textContent = '';
      if (pages.length === 0) {
        status.textContent = 'No results for \u201c' + forQuery + '\u201d.';
        return;
      }
      status.textContent = total + (total === 1 ? ' page' : ' pages') + ' found.';
      var list = document.createElement('ol');
      pages.forEach(function (page) {
        var group = document.createElement('li');
        group.className = 'search-result';
        var title = (page.meta && page.meta.title) || page.url;
        var heading = document.createElement('div');
        heading.className = 'search-result-page';
        heading.textContent = title;
        if (page.meta && page.meta.essay && page.meta.essay !== title) {
          var essay = document.createElement('span');
          essay.className = 'search-result-essay';
          essay.textContent = page.meta.essay;
          heading.appendChild(essay);
        }
        group.appendChild(heading);
        var inner = document.createElement('ol');
        var subs = (page.sub_results || []).slice(0, 3);
        if (subs.length === 0) inner.appendChild(item(page.url, title, page.excerpt));
        subs.forEach(function (sub) {
          inner.appendChild(item(sub.url, sub.title || title, sub.excerpt));
        });
        group.appendChild(inner);
        list.appendChild(group);
      });
      results.appendChild(list);
    }

    function run() {
      query = input.value.trim();
      var forQuery = query;
      if (forQuery === '') {
        results.textContent = '';
        status.textContent = '';
        return;
      }
      load()
        .then(function (s) {
          return s.debouncedSearch(forQuery, {}, 150);
        })
        .then(function (search) {
          if (search === null || forQuery !== query) return null;
          return Promise.all(
            search.results.slice(0, 8).map(function (r) {
              return r.data();
            }),
          ).then(function (pages) {
            render(pages, search.results.length, forQuery);
          });
        })
        .catch(function () {
          status.textContent = 'Search is not available here.';
        });
    }

    function resultLinks() {
      return Array.prototype.slice.call(results.querySelectorAll('a'));
    }

    openButton.addEventListener('click', open);
    closeButton.addEventListener('click', function () {
      dialog.close();
    });
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', function () {
      openButton.focus();
    });
    input.addEventListener('input', run);
    input.addEventListener('keydown', function (event) {
      var links = resultLinks();
      if (event.key === 'Escape') {
        // A search field would only clear itself on Escape; readers expect the dialog to close.
        event.preventDefault();
        dialog.close();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (links[0]) links[0].click();
      } else if (event.key === 'ArrowDown' && links[0]) {
        event.preventDefault();
        links[0].focus();
      }
    });
    results.addEventListener('keydown', function (event) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      var links = resultLinks();
      var at = links.indexOf(document.activeElement);
      if (at === -1) return;
      event.preventDefault();
      var next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else if (links[next]) links[next].focus();
    });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((event.key === '/' && !typing) || ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === (root.getAttribute('data-search-key') || 'k'))) {
        event.preventDefault();
        open();
      }
    });
  }

  /* ---------- Tables written as raw HTML: the same scroll region the build gives Markdown tables ---------- */
  function setupTables() {
    var tables = document.querySelectorAll('.prose table');
    var n = document.querySelectorAll('.prose .table-scroll').length;
    Array.prototype.forEach.call(tables, function (table) {
      if (table.parentElement.classList.contains('table-scroll')) return;
      var region = document.createElement('div');
      region.className = 'table-scroll';
      region.setAttribute('role', 'region');
      region.setAttribute('tabindex', '0');
      region.setAttribute('aria-label', 'Table ' + (n += 1));
      table.parentNode.insertBefore(region, table);
      region.appendChild(table);
    });
  }

  /* ---------- Paragraph links: `#p-N`, a ¶ to them on hover ---------- */
  // Paragraphs of the text are numbered in document order (those with an id of their own, such as
  // notes, keep it), so the same page always gives the same numbers; the ids live only in the browser,
  // to keep the published HTML as the author's Markdown makes it.
  function setupParagraphLinks() {
    var article = document.querySelector('article.prose');
    if (!article) return;
    var n = 0;
    /* Pages built by Dossier carry their numbers already (src/layout/paragraph-ids.ts); older ones are numbered here by the same rule. */
    var built = article.querySelector('p[id^="p-"]') !== null;
    Array.prototype.forEach.call(built ? [] : article.querySelectorAll('p'), function (paragraph) {
      if (paragraph.id || paragraph.closest('[data-search-ignore], li, td, th, blockquote, aside')) return;
      n += 1;
      paragraph.id = 'p-' + n;
    });
    var wanted = /^#p-\d+$/.test(location.hash) ? document.getElementById(location.hash.slice(1)) : null;
    if (wanted) {
      wanted.classList.add('is-target');
      wanted.scrollIntoView({ block: 'start' });
    }
    article.addEventListener('mouseover', function (event) {
      var paragraph = event.target.closest && event.target.closest('p[id^="p-"]');
      if (!paragraph || paragraph.querySelector(':scope > .paragraph-link')) return;
      var link = document.createElement('a');
      link.className = 'paragraph-link';
      link.href = '#' + paragraph.id;
      link.setAttribute('aria-label', 'Link to this paragraph');
      link.textContent = '\u00b6';
      paragraph.appendChild(link);
    });
  }

  /* ---------- Previews of links to other pages of the site: the target section's first lines ---------- */
  function setupLinkPreviews() {
    var article = document.querySelector('article.prose');
    if (!article || typeof DOMParser === 'undefined') return;
    var pages = new Map();
    var tip = null;
    var shownFor = null;
    var timer = 0;

    function previewable(link) {
      if (!link || link.closest('.footnote-ref, .anchor-heading, .paragraph-link, .page-kicker, #markdown-toc')) return false;
      var url = new URL(link.href, location.href);
      return url.origin === location.origin && url.pathname !== location.pathname && !/\.[a-z0-9]+$/i.test(url.pathname);
    }

    function pageAt(path) {
      var load = pages.get(path);
      if (!load) {
        load = fetch(path, { credentials: 'same-origin' })
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response.text();
          })
          .then(function (html) {
            return new DOMParser().parseFromString(html, 'text/html');
          });
        load.catch(function () {
          pages.delete(path);
        });
        pages.set(path, load);
      }
      return load;
    }

    // The heading the link points at (or the page's title) and about 300 characters of text after it.
    function summary(doc, hash) {
      var body = doc.querySelector('[data-search-body]') || doc.body;
      var start = hash ? doc.getElementById(decodeURIComponent(hash.slice(1))) : null;
      var heading = start || body.querySelector('h1') || null;
      var title = heading ? heading.textContent.trim() : doc.title;
      var text = '';
      var walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT);
      var from = heading || body;
      walker.currentNode = from;
      for (var node = walker.nextNode(); node && text.length < 300; node = walker.nextNode()) {
        if (from.contains(node)) continue;
        if (/^H[1-6]$/.test(node.tagName) && text !== '') break;
        if (node.tagName === 'P' && !node.closest('[data-search-ignore], .page-kicker')) text += (text ? ' ' : '') + node.textContent.trim();
      }
      return { title: title, text: text.length > 300 ? text.slice(0, 300).replace(/\s+\S*$/, '') + '\u2026' : text };
    }

    function hide() {
      clearTimeout(timer);
      if (tip) tip.hidden = true;
      if (shownFor) shownFor.removeAttribute('aria-describedby');
      shownFor = null;
    }

    function show(link) {
      var url = new URL(link.href, location.href);
      pageAt(url.pathname).then(function (doc) {
        if (shownFor !== link) return;
        var found = summary(doc, url.hash);
        if (!tip) {
          tip = document.createElement('div');
          tip.id = 'link-preview';
          tip.className = 'link-preview';
          tip.setAttribute('role', 'tooltip');
          document.body.appendChild(tip);
        }
        tip.textContent = '';
        var strong = document.createElement('strong');
        strong.textContent = found.title;
        var p = document.createElement('p');
        p.textContent = found.text;
        tip.appendChild(strong);
        tip.appendChild(p);
        tip.hidden = false;
        var rect = link.getBoundingClientRect();
        var width = Math.min(380, document.documentElement.clientWidth - 16);
        tip.style.width = width + 'px';
        tip.style.left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8)) + window.scrollX + 'px';
        tip.style.top = rect.bottom + 8 + window.scrollY + 'px';
        link.setAttribute('aria-describedby', tip.id);
      }, hide);
    }

    function start(event) {
      var link = event.target.closest && event.target.closest('a[href]');
      if (!previewable(link) || link === shownFor) return;
      hide();
      shownFor = link;
      timer = setTimeout(function () {
        show(link);
      }, 250);
    }

    article.addEventListener('mouseover', start);
    article.addEventListener('focusin', start);
    article.addEventListener('mouseout', function (event) {
      if (shownFor && !shownFor.contains(event.relatedTarget)) hide();
    });
    article.addEventListener('focusout', hide);
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') hide();
    });
  }

  /* ---------- Figures: numbered captions and click-to-zoom ---------- */
  // Essays write a figure as an image with an emphasised caption line under it, in one paragraph;
  // that paragraph becomes a <figure>, numbered in order, and the image a button that enlarges it.
  function figureParts(p) {
    var elements = Array.prototype.filter.call(p.childNodes, function (node) {
      return node.nodeType === 1 || (node.nodeType === 3 && node.data.trim() !== '');
    });
    var img = elements[0];
    var caption = elements[1];
    if (!img || img.tagName !== 'IMG' || elements.length > 2) return null;
    if (caption && caption.tagName !== 'EM') return null;
    return { img: img, caption: caption || null };
  }

  function setupFigures() {
    var article = document.querySelector('article.prose');
    if (!article) return;
    var n = 0;
    var dialog = null;
    Array.prototype.forEach.call(article.querySelectorAll('p, figure'), function (block) {
      var figure = block;
      var img;
      if (block.tagName === 'P') {
        var parts = figureParts(block);
        if (!parts) return;
        figure = document.createElement('figure');
        figure.className = 'figure';
        figure.appendChild(parts.img);
        if (parts.caption) {
          var caption = document.createElement('figcaption');
          while (parts.caption.firstChild) caption.appendChild(parts.caption.firstChild);
          figure.appendChild(caption);
        }
        if (block.id) figure.id = block.id;
        block.replaceWith(figure);
        img = parts.img;
      } else {
        img = block.querySelector('img');
        if (!img) return;
      }
      n += 1;
      var figcaption = figure.querySelector('figcaption');
      if (figcaption) {
        var label = document.createElement('span');
        label.className = 'figure-number';
        label.textContent = 'Figure ' + n + '. ';
        figcaption.insertBefore(label, figcaption.firstChild);
      }
      var zoom = document.createElement('button');
      zoom.type = 'button';
      zoom.className = 'figure-zoom';
      zoom.setAttribute('aria-label', 'Enlarge figure ' + n + (img.alt ? ': ' + img.alt : ''));
      img.replaceWith(zoom);
      zoom.appendChild(img);
      zoom.addEventListener('click', function () {
        if (!dialog) {
          dialog = document.createElement('dialog');
          dialog.className = 'figure-dialog';
          dialog.setAttribute('aria-label', 'Enlarged figure');
          dialog.addEventListener('click', function () {
            dialog.close();
          });
          document.body.appendChild(dialog);
        }
        dialog.textContent = '';
        var big = img.cloneNode();
        big.removeAttribute('width');
        big.removeAttribute('height');
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'figure-dialog-close';
        close.textContent = 'Close';
        dialog.appendChild(big);
        dialog.appendChild(close);
        if (typeof dialog.showModal === 'function') dialog.showModal();
        close.focus();
      });
    });
  }

  /* ---------- Print edition ---------- */
  function setupPrint() {
    var button = document.querySelector('.print-now');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  }

  ready(function () {
    setupTheme();
    setupTables();
    setupParagraphLinks();
    setupLinkPreviews();
    setupFigures();
    setupMenu();
    setupNavTree();
    setupPageToc();
    setupSearch();
    setupPrint();
  });
})();
