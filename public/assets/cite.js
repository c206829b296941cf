// Copy buttons for the "Cite this essay" block. Without JavaScript the buttons stay hidden and every
// reference is ordinary selectable text.
(function () {
  'use strict';
  function select(target) {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  // Pages served over plain http have no Clipboard API: copy the selection the older way.
  function copy(target) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(target.textContent.trim());
    select(target);
    return document.execCommand('copy') ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }
  document.querySelectorAll('.cite-copy').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      copy(target).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      }, function () {
        // Refused (permissions): leave the text selected so the reader can copy it by hand.
        select(target);
      });
    });
  });
})();
