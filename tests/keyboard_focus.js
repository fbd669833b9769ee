// Where keyboard focus is, and whether a sighted keyboard user can see it.
// Evaluated by tests/test_keyboard.py after every Tab; returns a plain object.
async () => {
  // Let the page react to the new focus (Material opens search, the drawer slides in)
  // and finish moving; colour fades do not move anything and are not waited for.
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  await frame();
  await frame();
  const moving = () =>
    document.getAnimations().filter((a) => a.playState === "running" && !String(a.transitionProperty).includes("color"));
  for (let round = 0; round < 5 && moving().length; round++) {
    await Promise.all(moving().map((a) => a.finished.catch(() => null)));
    await frame();
  }
  // Smooth scrolling is no animation: wait until the focused element stops moving.
  let last = null;
  for (let round = 0; round < 60; round++) {
    const top = document.activeElement.getBoundingClientRect().top;
    if (top === last) break;
    last = top;
    await frame();
  }
  const focused = document.activeElement;
  if (!focused || focused === document.body || focused === document.documentElement) {
    return { atEnd: true };
  }
  // Material's palette radios are visually hidden; the ring is drawn on the label after them.
  const shown = focused.matches("input.md-option") ? focused.nextElementSibling : focused;

  const rgba = (text) => {
    const match = /rgba?\(([^)]+)\)/.exec(text);
    if (!match) return null;
    const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  // The colour actually painted behind an element: its ancestors' backgrounds, blended.
  const backdrop = (element) => {
    const chain = [];
    for (let node = element; node; node = node.parentElement) chain.unshift(node);
    return chain.reduce((colour, node) => {
      const layer = rgba(getComputedStyle(node).backgroundColor);
      return layer && layer[3] > 0 ? over(layer, colour) : colour;
    }, [255, 255, 255, 1]);
  };
  const luminance = (colour) => {
    const [r, g, b] = colour.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  const box = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  const ringWidth = parseFloat(style.outlineWidth) || 0;
  const ringGap = ringWidth / 2 + (parseFloat(style.outlineOffset) || 0);
  // What lies under each side of the ring (the sides that are on screen).
  const sides = [
    [box.left + box.width / 2, box.top - ringGap],
    [box.left + box.width / 2, box.bottom + ringGap],
    [box.left - ringGap, box.top + box.height / 2],
    [box.right + ringGap, box.top + box.height / 2],
  ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const underSides = sides
    .map(([x, y]) => document.elementsFromPoint(x, y).find((el) => el !== shown && !shown.contains(el)))
    .filter(Boolean);
  const ringColour = rgba(style.outlineColor);
  const centre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const gl = focused.closest(".gl");
  const tip = gl && gl.querySelector(".gl__tip");

  return {
    atEnd: false,
    id: [focused.tagName.toLowerCase(), focused.className.toString(), focused.getAttribute("href") || focused.id || "",
      (focused.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60)].join(" | "),
    isTerm: focused.matches(".gl__term"),
    term: focused.dataset.term || null,
    tipShown: !!tip && getComputedStyle(tip).display !== "none",
    width: box.width,
    height: box.height,
    inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    // Not hidden under the sticky header or anything else (WCAG 2.4.11).
    centreIs: centre ? centre.tagName + "." + centre.className.toString().slice(0, 50) : null,
    unobscured: !!centre && (shown === centre || shown.contains(centre) || centre.contains(shown)),
    ringStyle: style.outlineStyle,
    ringWidth,
    // The best side counts: a ring is seen where it stands out.
    ringContrast: ringColour && style.outlineStyle !== "auto"
      ? Math.max(0, ...underSides.map((el) => contrast(over(ringColour, backdrop(el)), backdrop(el)))) : null,
  };
}
