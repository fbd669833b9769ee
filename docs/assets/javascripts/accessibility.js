/*
 * Skip link: move keyboard focus to the content, not only the view.
 *
 * Material's skip link points at the page's first heading. With instant navigation,
 * Material takes over the click and replays it later, so where the next Tab landed
 * was left to chance (the header, the sidebar, or the top of the page). Here the
 * heading takes focus itself (tabindex="-1": focusable by script, no extra Tab stop)
 * and the browser scrolls it into view; the next Tab goes on from there. Runs in the
 * capture phase and keeps the click from Material, which has nothing left to do.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-skip");
    if (!link || !link.hash) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, true);
})();
