// WCAG 2.1, 1.4.11 (non-text contrast), which axe-core does not measure: each visible,
// enabled control whose border (or, without one, whose fill) is below 3:1 against the
// nearest opaque background behind it. Evaluated in the page by the accessibility test.
() => {
  const rgb = (text) => {
    const parts = text.match(/[\d.]+/g).map(Number);
    return { c: parts.slice(0, 3), a: parts.length > 3 ? parts[3] : 1 };
  };
  const luminance = ({ c }) => c
    .map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (x, y) => {
    const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (light + 0.05) / (dark + 0.05);
  };
  const behind = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const colour = rgb(getComputedStyle(e).backgroundColor);
      if (colour.a > 0.5) { return colour; }
    }
    return { c: [255, 255, 255], a: 1 };
  };
  const low = [];
  document.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((el) => {
    const box = el.getBoundingClientRect();
    if (el.disabled || box.width <= 1 || box.height <= 1 || !el.checkVisibility()) { return; }
    const style = getComputedStyle(el);
    const bordered = parseFloat(style.borderTopWidth) > 0;
    const edge = bordered ? style.borderTopColor : style.backgroundColor;
    const found = ratio(rgb(edge), behind(el));
    if (found < 3) { low.push(`${el.id || el.name}: ${edge} ${found.toFixed(2)}:1`); }
  });
  return low;
}
