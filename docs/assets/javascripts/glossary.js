/*
 * Glossary tooltips: hover, keyboard focus and touch, dismissed with Esc.
 *
 * The tooltip text is already in the page (a <span role="tooltip"> next to the
 * link), so this works from file:// and without instant navigation. Listeners
 * are delegated from the document, so pages swapped in by instant navigation
 * need no set-up. CSS shows a tooltip on :hover and :focus-within; this script
 * only adds touch support (first tap shows, second tap follows) and Esc.
 */
(function () {
  "use strict";
  var OPEN = "gl--open";
  var DISMISSED = "gl--dismissed";
  var lastPointer = "mouse";

  function wrapperOf(node) {
    return node && node.closest ? node.closest(".gl") : null;
  }

  function closeAll(except) {
    document.querySelectorAll(".gl." + OPEN).forEach(function (gl) {
      if (gl !== except) gl.classList.remove(OPEN);
    });
  }

  function keepInView(gl) {
    var tip = gl.querySelector(".gl__tip");
    if (!tip) return;
    tip.style.removeProperty("--gl-shift");
    var rect = tip.getBoundingClientRect();
    var overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.setProperty("--gl-shift", -Math.min(overflow, rect.left - 8) + "px");
  }

  // Capture phase: runs before Material's own handlers (instant navigation
  // listens for link clicks further down the tree).
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (!wrapperOf(event.target)) closeAll(null);
  }, true);

  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".gl__term");
    if (!term || lastPointer !== "touch") return;
    var gl = wrapperOf(term);
    if (!gl.classList.contains(OPEN)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      closeAll(gl);
      gl.classList.remove(DISMISSED);
      gl.classList.add(OPEN);
      keepInView(gl);
    }
  }, true);

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var gl = wrapperOf(event.target);
      if (gl) keepInView(gl);
    });
  });

  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var gl = wrapperOf(event.target);
      if (gl && !gl.contains(event.relatedTarget)) gl.classList.remove(DISMISSED);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var shown = document.querySelectorAll(".gl:hover, .gl:focus-within, .gl." + OPEN);
    shown.forEach(function (gl) {
      gl.classList.remove(OPEN);
      gl.classList.add(DISMISSED);
    });
  });
})();
