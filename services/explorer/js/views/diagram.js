// The relation diagram (Lược đồ), drawn by cytoscape.js: the document in the centre, its
// neighbours in one box per relation and direction (what it acts on to the left, what acts on it
// to the right; stacked on a phone). Nodes are coloured by status; clicking one, or choosing it
// with the arrow keys and Enter, moves the centre.
import { h, replace } from '../dom.js';
import { STATUS, name, when, date } from '../format.js';
import { docHref } from '../route.js';

const CYTOSCAPE = '/vendor/cytoscape/cytoscape.esm.min.mjs';
const NODE = { w: 150, h: 46, gapX: 14, gapY: 14 };
const CENTRE = { w: 180, h: 60 };
const PAD = 14; // inside a group box
const LABEL = 26; // a group's label sits above its box
const GROUP_GAP = 28;
const NARROW = 640;

/**
 * @param {HTMLElement} section  where the diagram goes
 * @param {any} doc  the centre document, with status
 * @param {import('../relations.js').Grouped[]} grouped
 * @param {(url: string) => void} navigate
 */
export async function mountDiagram(section, doc, grouped, navigate) {
  const canvas = h('div', {
    class: 'diagram-canvas',
    tabindex: '0',
    role: 'group',
    'aria-roledescription': 'lược đồ',
    'aria-label': `Lược đồ quan hệ của ${name(doc)}. Dùng phím mũi tên để chọn văn bản, Enter để mở. Danh sách đầy đủ ở mục Quan hệ và trích dẫn.`,
  });
  const said = h('p', { class: 'diagram-said visually-hidden', 'aria-live': 'polite' });
  replace(section.querySelector('.diagram-body') ?? section, canvas, said, legend());
  const { default: cytoscape } = await import(CYTOSCAPE);
  const colours = statusColours();
  const cy = cytoscape({
    container: canvas,
    elements: elements(doc, grouped),
    style: style(colours),
    layout: { name: 'preset' },
    userZoomingEnabled: false,
    userPanningEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    autounselectify: true,
  });
  const order = cy.nodes('.doc').sort((/** @type {any} */ a, /** @type {any} */ b) => a.data('order') - b.data('order'));
  let focused = 0;
  const say = () => {
    const n = order[focused];
    cy.nodes().removeClass('focused');
    n.addClass('focused');
    said.textContent = `${n.data('spoken')}. Nhấn Enter để mở.`;
  };
  cy.on('tap', 'node.doc', (/** @type {any} */ e) => navigate(docHref(e.target.data('docId'))));
  cy.on('mouseover', 'node.doc', () => (canvas.style.cursor = 'pointer'));
  cy.on('mouseout', 'node.doc', () => (canvas.style.cursor = ''));
  canvas.addEventListener('focus', () => order.length && say());
  canvas.addEventListener('blur', () => cy.nodes().removeClass('focused'));
  canvas.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step && order.length) focused = (focused + step + order.length) % order.length;
    else if (event.key === 'Home') focused = 0;
    else if (event.key === 'End') focused = order.length - 1;
    else if (event.key === 'Enter' && order.length && !order[focused].hasClass('centre')) return navigate(docHref(order[focused].data('docId')));
    else return;
    event.preventDefault();
    say();
  });
  const arrange = () => layout(cy, canvas, grouped);
  arrange();
  let width = canvas.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(canvas.clientWidth - width) < 8) return;
    width = canvas.clientWidth;
    arrange();
  }).observe(canvas);
  // For the console and the browser tests: the live diagram.
  /** @type {any} */ (window).explorerDiagram = cy;
  canvas.dataset.ready = 'true';
  return cy;
}

/** @param {any} doc @param {import('../relations.js').Grouped[]} grouped */
function elements(doc, grouped) {
  /** @type {any[]} */
  const els = [{ group: 'nodes', classes: `doc centre ${doc.stub ? 'stub' : ''}`, data: { id: 'centre', docId: doc.id, label: label(doc), status: doc.status, order: 0, spoken: spoken(doc, 'văn bản đang xem') } }];
  let order = 1;
  for (const { group, relations } of grouped) {
    const gid = `g:${group.key}`;
    els.push({ group: 'nodes', classes: `group ${group.side}`, data: { id: gid, label: `${group.vi} (${relations.length})` } });
    els.push({ group: 'edges', classes: group.side, data: { id: `e:${group.key}`, source: group.side === 'OUT' ? 'centre' : gid, target: group.side === 'OUT' ? gid : 'centre' } });
    for (const rel of relations) {
      const d = rel.other;
      const classes = ['doc', d.stub ? 'stub' : '', d.ambiguous ? 'ambiguous' : ''].join(' ');
      els.push({ group: 'nodes', classes, data: { id: `${group.key}|${d.id}`, parent: gid, docId: d.id, label: label(d), status: d.status, order: order++, spoken: spoken(d, group.vi) } });
    }
  }
  return els;
}

/** @param {any} d */
function label(d) {
  const at = when(d);
  return `${d.ambiguous ? `${d.symbol}?` : name(d)}\n${d.ambiguous ? 'nhiều văn bản' : at ? (d.issuedOn ? date(at) : `≥ ${date(at)}`) : 'chưa rõ ngày'}`;
}

/** @param {any} d @param {string} role */
function spoken(d, role) {
  const status = d.ambiguous ? 'tham chiếu chưa xác định, nhiều văn bản mang số hiệu này' : (STATUS[/** @type {keyof typeof STATUS} */ (d.status)]?.vi ?? '');
  return `${role}: ${d.type ?? ''} ${name(d)}, ${d.issuedOn ? date(d.issuedOn) : 'chưa rõ ngày'}, ${status}`;
}

/** Place the boxes in slots, and each box's documents on a grid inside it (cytoscape's grid layout). @param {any} cy @param {HTMLElement} canvas @param {import('../relations.js').Grouped[]} grouped */
function layout(cy, canvas, grouped) {
  const width = Math.max(300, canvas.clientWidth);
  const narrow = width < NARROW;
  const colWidth = narrow ? width - 16 : (width - CENTRE.w - 140) / 2;
  const cols = Math.max(1, Math.floor((colWidth - 2 * PAD + NODE.gapX) / (NODE.w + NODE.gapX)));
  const boxes = grouped.map(({ group, relations }) => {
    const c = Math.min(cols, relations.length);
    const rows = Math.ceil(relations.length / c);
    return { group, c, rows, w: c * (NODE.w + NODE.gapX), h: rows * (NODE.h + NODE.gapY) };
  });
  /** @param {typeof boxes} column @param {number} top @param {(box: typeof boxes[0]) => number} left */
  const stack = (column, top, left) => {
    let y = top;
    for (const box of column) {
      y += LABEL;
      const kids = cy.$id(`g:${box.group.key}`).children();
      kids.layout({ name: 'grid', fit: false, cols: box.c, rows: box.rows, boundingBox: { x1: left(box), y1: y, w: box.w, h: box.h }, sort: (/** @type {any} */ a, /** @type {any} */ b) => a.data('order') - b.data('order') }).run();
      y += box.h + 2 * PAD + GROUP_GAP;
    }
    return y - GROUP_GAP;
  };
  let height;
  const centre = cy.$id('centre');
  if (narrow) {
    // Phone: the centre on top, the boxes below it, one under another; the box titles say the relation.
    centre.position({ x: width / 2, y: CENTRE.h / 2 + 8 });
    height = stack(boxes, CENTRE.h + 24, (box) => (width - box.w) / 2);
    cy.edges().addClass('hidden');
  } else {
    const left = boxes.filter((b) => b.group.side === 'OUT');
    const right = boxes.filter((b) => b.group.side === 'IN');
    const leftH = stack(left, 0, (box) => colWidth - box.w);
    const rightH = stack(right, 0, () => width - colWidth);
    height = Math.max(leftH, rightH, CENTRE.h + 40);
    centre.position({ x: width / 2, y: height / 2 });
    cy.edges().removeClass('hidden');
  }
  canvas.style.height = `${Math.min(Math.max(height + 40, 200), 2400)}px`;
  cy.resize();
  cy.fit(undefined, 16);
  if (cy.zoom() > 1) {
    cy.zoom(1);
    cy.center();
  }
}

/** The status colours live in the stylesheet (one source for badges and nodes). */
function statusColours() {
  const css = getComputedStyle(document.documentElement);
  /** @type {Record<string, {bg: string, fg: string}>} */
  const out = {};
  for (const s of Object.keys(STATUS)) out[s] = { bg: css.getPropertyValue(`--${s}-bg`).trim() || '#fff', fg: css.getPropertyValue(`--${s}-fg`).trim() || '#333' };
  return out;
}

/** @param {Record<string, {bg: string, fg: string}>} colours */
function style(colours) {
  const font = getComputedStyle(document.body).fontFamily;
  return [
    { selector: 'node.doc', style: { shape: 'round-rectangle', width: NODE.w, height: NODE.h, label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': NODE.w - 12, 'text-valign': 'center', 'text-halign': 'center', 'font-family': font, 'font-size': 12, 'line-height': 1.3, color: '#1f2328', 'background-color': '#fff', 'border-width': 2, 'border-color': '#6e7781' } },
    ...Object.entries(colours).map(([s, c]) => ({ selector: `node.doc[status = "${s}"]`, style: { 'background-color': c.bg, 'border-color': c.fg } })),
    { selector: 'node.stub', style: { 'border-style': 'dashed' } },
    { selector: 'node.ambiguous', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#6f42c1', 'background-color': '#f3effb' } },
    { selector: 'node.centre', style: { width: CENTRE.w, height: CENTRE.h, 'font-size': 14, 'font-weight': 'bold', 'border-width': 4, 'text-max-width': CENTRE.w - 14 } },
    { selector: 'node.group', style: { shape: 'round-rectangle', label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -6, 'font-family': font, 'font-size': 13, 'font-weight': 'bold', color: '#1f2328', 'background-color': '#f6f8fa', 'background-opacity': 1, 'border-width': 1, 'border-color': '#d0d7de', padding: PAD } },
    { selector: 'edge', style: { width: 2, 'line-color': '#57606a', 'target-arrow-color': '#57606a', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 1.2 } },
    { selector: 'edge.hidden', style: { display: 'none' } },
    { selector: 'node.focused', style: { 'overlay-color': '#0550ae', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  ];
}

function legend() {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Chú giải' },
    Object.entries(STATUS).map(([s, l]) => h('li', null, h('span', { class: `swatch status-${s}`, 'aria-hidden': 'true' }), l.vi)),
    h('li', null, h('span', { class: 'swatch swatch-stub', 'aria-hidden': 'true' }), 'viền đứt: chỉ biết qua trích dẫn'),
    h('li', null, h('span', { class: 'swatch swatch-ambiguous', 'aria-hidden': 'true' }), 'viền đôi: tham chiếu chưa xác định'),
  );
}
