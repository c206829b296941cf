// A "Copy" button on every code block, for sites that set enable_copy_code_button (Just the Docs' key).
(function () {
  'use strict';
  function addButton(pre) {
    var wrap = document.createElement('div');
    wrap.className = 'code-copy-wrap';
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to clipboard');
    button.addEventListener('click', function () {
      var code = pre.querySelector('code') || pre;
      navigator.clipboard.writeText(code.innerText).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      }, function () {
        button.textContent = 'Press Ctrl+C';
      });
    });
    wrap.appendChild(button);
  }
  function start() {
    if (!navigator.clipboard) return;
    document.querySelectorAll('.prose pre').forEach(addButton);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
