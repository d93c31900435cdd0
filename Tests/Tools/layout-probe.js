// Test-only: appended to a copy of an HTML report, never shipped. After layout it reports, as
// JSON between markers, every pair of text boxes that overlap, every text box outside its chart
// or the page, and any horizontal overflow, so a test can fail on what a reader would see.
window.addEventListener('load', () => {
  const problems = [];
  const tolerance = 1;
  const snippet = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 60);
  const boxes = [];
  // HTML text: each line fragment of each non-blank text node, outside SVG and this probe.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('svg, script, #layout-probe')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) boxes.push({ rect, owner: node, text: snippet(node.textContent), svg: null });
    }
    // A word is broken only where the page allows it (a <wbr> ends a text node); one that the
    // browser had to split, "Mo|nth" or "2026-|01", reads wrong. Code (a <pre>) may wrap anywhere.
    if (node.parentElement.closest('pre, code')) continue;
    const words = /\S+/g;
    for (let match = words.exec(node.textContent); match; match = words.exec(node.textContent)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size < 2) continue;
      // Where it breaks: prose may break after a hyphen or a slash ("multi-|region"), a word
      // with a digit in it never ("2026-|09", "P10–|P90"), and nothing mid-letter ("Mo|nth").
      const word = match[0];
      let top = null;
      for (let k = 0; k < word.length; k++) {
        range.setStart(node, match.index + k);
        range.setEnd(node, match.index + k + 1);
        const rect = range.getBoundingClientRect();
        if (top !== null && Math.abs(rect.top - top) > tolerance &&
            (/\d/.test(word) || !'-–/'.includes(word[k - 1]))) {
          problems.push(`"${snippet(word)}" is broken across lines after "${word.slice(0, k)}"`);
          break;
        }
        top = rect.top;
      }
    }
  }
  // SVG text: each text element, checked against the chart that draws it.
  for (const text of document.querySelectorAll('svg text')) {
    const rect = text.getBoundingClientRect();
    if (!text.textContent.trim() || rect.width === 0) continue;
    const svg = text.closest('svg');
    boxes.push({ rect, owner: text, text: snippet(text.textContent), svg });
    const frame = svg.getBoundingClientRect();
    if (rect.left < frame.left - tolerance || rect.right > frame.right + tolerance ||
        rect.top < frame.top - tolerance || rect.bottom > frame.bottom + tolerance) {
      problems.push(`"${snippet(text.textContent)}" runs outside its chart ${svg.id}`);
    }
  }
  const page = document.body.getBoundingClientRect();
  for (const box of boxes) {
    if (box.rect.left < page.left - tolerance || box.rect.right > page.right + tolerance) {
      problems.push(`"${box.text}" runs outside the page (${Math.round(box.rect.left)}–${Math.round(box.rect.right)} of ${Math.round(page.left)}–${Math.round(page.right)})`);
    }
  }
  // Pairs: sorted by top edge, so each box is compared only with those that start above its bottom.
  boxes.sort((a, b) => a.rect.top - b.rect.top);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].rect.top < a.rect.bottom - tolerance; j++) {
      const b = boxes[j];
      if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
      const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (width > tolerance && height > tolerance) problems.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + tolerance) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
  }
  for (const element of document.querySelectorAll('table, svg, pre, ul, p, div')) {
    const rect = element.getBoundingClientRect();
    if (rect.right > page.right + tolerance) problems.push(`a ${element.tagName.toLowerCase()} is wider than the page (${Math.round(rect.right)} > ${Math.round(page.right)})`);
  }
  const charts = [...document.querySelectorAll('svg')].map(svg => {
    const rect = svg.getBoundingClientRect();
    return { id: svg.id, width: Math.round(rect.width), height: Math.round(rect.height) };
  });
  const result = { width: root.clientWidth, textBoxes: boxes.length, charts, problems };
  const out = document.createElement('pre');
  out.id = 'layout-probe';
  out.textContent = 'LAYOUT' + '-PROBE=' + JSON.stringify(result) + '=' + 'END';
  document.body.appendChild(out);
});
