/* Dossier note previews: hovering, focusing or tapping a note reference (a.footnote-ref) shows the
   note in a tooltip without leaving the paragraph. Progressive enhancement: without this script the
   references are plain links to the notes. Notes on other chapter pages are read from the inert
   <template class="footnote-templates"> the build appends, so nothing is fetched. Optional sidenotes
   (body.sidenotes, the default) copy each note next to its first reference; CSS shows them on wide screens
   only, and while a note is shown in the margin its reference highlights it instead of opening a preview. */
(function () {
  'use strict';

  var TIP_ID = 'footnote-preview';
  var tip = null;
  var current = null;
  var hideTimer = 0;
  var lastPointer = 'mouse';
  /* The reference a touch reader tapped once: its preview is open, and a second tap follows it. */
  var armed = null;

  /* Notes on other chapter pages, shipped inert in <template> blocks; indexed by link on first use. */
  var templateNotes = null;
  function templateNote(href) {
    if (templateNotes === null) {
      templateNotes = Object.create(null);
      var templates = document.querySelectorAll('template.footnote-templates');
      for (var i = 0; i < templates.length; i++) {
        var entries = templates[i].content.children;
        for (var j = 0; j < entries.length; j++) {
          var key = entries[j].getAttribute('data-href');
          if (!(key in templateNotes)) templateNotes[key] = entries[j];
        }
      }
    }
    var entry = templateNotes[href];
    return entry ? entry.cloneNode(true) : null;
  }

  /* The note's content, without its number and back links (they make no sense inside a preview). */
  function noteContent(link) {
    var href = link.getAttribute('href');
    if (!href) return null;
    var box;
    if (href.charAt(0) === '#') {
      var target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (!target) return null;
      box = document.createElement('div');
      box.innerHTML = target.innerHTML;
      /* A note of several paragraphs: the further ones follow it as .footnote-cont[data-for]. */
      var more = document.querySelectorAll('.footnote-cont[data-for="' + target.id + '"]');
      if (more.length > 0) {
        var first = document.createElement('p');
        while (box.firstChild) first.appendChild(box.firstChild);
        box.appendChild(first);
        for (var m = 0; m < more.length; m++) box.appendChild(more[m].cloneNode(true));
      }
    } else {
      box = templateNote(href);
      if (!box) return null;
    }
    var drop = box.querySelectorAll('.footnote-number, .footnote-backrefs, .reversefootnote');
    for (var i = 0; i < drop.length; i++) drop[i].parentNode.removeChild(drop[i]);
    var withIds = box.querySelectorAll('[id]');
    for (var k = 0; k < withIds.length; k++) withIds[k].removeAttribute('id');
    var first = box.firstChild;
    while (first && first.nodeType === 1 && first.tagName === 'P' && first.firstChild) first = first.firstChild;
    if (first && first.nodeType === 3) first.nodeValue = first.nodeValue.replace(/^[\s.:)]+/, '');
    return box;
  }

  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement('div');
    tip.id = TIP_ID;
    tip.className = 'footnote-preview';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    tip.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
    tip.addEventListener('mouseleave', function () { scheduleHide(); });
    document.body.appendChild(tip);
    return tip;
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = '0px';
    tip.style.top = '0px';
    var tipRect = tip.getBoundingClientRect();
    var left = Math.min(Math.max(8, rect.left - 24), Math.max(8, width - tipRect.width - 8));
    var below = rect.bottom + 8;
    var above = rect.top - tipRect.height - 8;
    var top = below + tipRect.height > window.innerHeight && above > 0 ? above : below;
    tip.style.left = left + window.scrollX + 'px';
    tip.style.top = top + window.scrollY + 'px';
  }

  /* Sidenotes by the href of their note; the one the reader is pointing at is marked. */
  var sidenotes = Object.create(null);
  var litSidenote = null;

  /* The link's sidenote when it is on screen (wide screens), else null. */
  function shownSidenote(link) {
    var note = sidenotes[link.getAttribute('href')];
    return note && note.getClientRects().length > 0 ? note : null;
  }

  function light(note) {
    if (litSidenote) litSidenote.classList.remove('is-current');
    litSidenote = note;
    if (note) note.classList.add('is-current');
  }

  /* Shows the link's note; false when it has none to show. */
  function show(link) {
    clearTimeout(hideTimer);
    if (current === link) return true;
    var side = shownSidenote(link);
    if (side) {
      hide();
      light(side);
      return false;
    }
    var content = noteContent(link);
    if (!content) return false;
    hide();
    ensureTip();
    tip.innerHTML = '';
    while (content.firstChild) tip.appendChild(content.firstChild);
    /* The way on to the note itself, for readers who cannot hover (a second tap on the reference works too). */
    var go = document.createElement('a');
    go.className = 'footnote-preview-link';
    go.href = link.getAttribute('href');
    go.textContent = 'Go to note';
    tip.appendChild(go);
    tip.hidden = false;
    current = link;
    link.setAttribute('aria-describedby', TIP_ID);
    place(link);
    return true;
  }

  function hide() {
    clearTimeout(hideTimer);
    light(null);
    armed = null;
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    if (tip) tip.hidden = true;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function refFrom(node) {
    return node && node.closest ? node.closest('a.footnote-ref') : null;
  }

  /* Hover is a mouse's: a tap also fires pointerover and emulated mouse events, which must not open or arm anything. */
  document.addEventListener('pointerover', function (event) {
    if (event.pointerType !== 'mouse') return;
    var link = refFrom(event.target);
    if (link) show(link);
  });
  document.addEventListener('pointerout', function (event) {
    if (event.pointerType !== 'mouse') return;
    var link = refFrom(event.target);
    if (link && (link === current || litSidenote) && !link.contains(event.relatedTarget)) scheduleHide();
  });
  document.addEventListener('focusin', function (event) {
    var link = refFrom(event.target);
    if (link) show(link);
    else if (current && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener('focusout', function (event) {
    if (refFrom(event.target) === current && !(tip && tip.contains(event.relatedTarget))) scheduleHide();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && current) {
      var link = current;
      hide();
      link.focus();
    }
  });
  document.addEventListener('pointerdown', function (event) {
    lastPointer = event.pointerType || 'mouse';
  });
  /* On touch screens the first tap previews the note (the tap's focus may have opened it already), a
     second tap on the same reference follows the link, as does the link inside the preview. */
  document.addEventListener('click', function (event) {
    var link = refFrom(event.target);
    if (link && lastPointer !== 'mouse' && armed !== link) {
      if (show(link)) {
        event.preventDefault();
        armed = link;
      }
    } else if (!link && current && !(tip && tip.contains(event.target))) {
      hide();
    }
  });
  window.addEventListener('resize', function () { if (current) place(current); });

  function addSidenotes() {
    var seen = {};
    var links = document.querySelectorAll('a.footnote-ref[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (seen[href]) continue;
      seen[href] = true;
      var content = noteContent(links[i]);
      if (!content) continue;
      var note = document.createElement('span');
      sidenotes[href] = note;
      note.className = 'sidenote';
      note.setAttribute('role', 'note');
      var number = document.createElement('span');
      number.className = 'sidenote-number';
      number.textContent = links[i].textContent;
      note.appendChild(number);
      while (content.firstChild) note.appendChild(content.firstChild);
      var anchor = links[i].closest('sup') || links[i];
      anchor.parentNode.insertBefore(note, anchor.nextSibling);
    }
    document.body.classList.add('sidenotes-ready');
  }

  function start() {
    if (document.body.classList.contains('sidenotes')) addSidenotes();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
