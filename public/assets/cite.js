// Copy buttons for the "Cite this essay" block. Without JavaScript the buttons stay hidden and every
// reference is ordinary selectable text.
(function () {
  'use strict';
  if (!navigator.clipboard) return;
  document.querySelectorAll('.cite-copy').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      }, function () {
        // Clipboard refused (permissions): select the text so the reader can copy it by hand.
        var range = document.createRange();
        range.selectNodeContents(target);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      });
    });
  });
})();
