// The pages' only script (progressive: every page works without it).
// 1. After a refused form post the page opens at the refusal: the first error summary is scrolled into view and
//    focused (it is role=alert, so it is also announced). A link in the summary moves focus to its field; a link
//    whose field message is not on the page stays as plain text.
// 2. A table or chart box that scrolls sideways (a phone) becomes a focusable, named region, so it can be scrolled
//    with the keyboard.
// 3. A button marked data-print prints the page (the print stylesheet leaves out the menu and the buttons).
(function () {
  function focusRefusal() {
    var summary = document.querySelector('[data-problem-summary]');
    if (!summary) return;
    var links = summary.querySelectorAll('a[data-field]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var target = document.getElementById('err-' + link.getAttribute('data-field'));
      if (!target) {
        var span = document.createElement('span');
        span.textContent = link.textContent;
        link.parentNode.replaceChild(span, link);
        continue;
      }
      link.addEventListener('click', function (event) {
        var id = this.getAttribute('href').slice(1);
        var field = document.querySelector('[aria-describedby~="' + id + '"]');
        if (field) {
          event.preventDefault();
          field.scrollIntoView({ block: 'center' });
          field.focus();
        }
      });
    }
    var details = summary.closest('details');
    if (details) details.open = true;
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }

  function scrollRegions() {
    var boxes = document.querySelectorAll('.table-wrap, .chart, .scroll');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        if (!box.hasAttribute('role')) box.setAttribute('role', 'region');
        if (!box.hasAttribute('aria-label')) {
          var caption = box.querySelector('caption');
          box.setAttribute('aria-label', ((caption && caption.textContent.trim()) || '표') + ' (옆으로 밀어 보기)');
        }
      }
    }
  }

  function printButtons() {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
  }

  function start() {
    scrollRegions();
    printButtons();
    focusRefusal();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
