/* kg viewer: draws the graph embedded in #kg-data with vis-network.
 * All text from articles is put into the page with textContent or
 * createTextNode, never as HTML. window.kgViewer exposes state for tests. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var QID = /^Q[0-9]+$/;
  function dict() { return Object.create(null); }  // ids come from articles: no prototype keys
  var NODES = dict(), EDGES = dict(), ADJ = dict();
  var state = { lang: "en", types: dict(), predicates: dict(), modalities: dict(), derived: true, focus: null,
    minConfidence: 0, top: DATA.ui.top, doc: "", from: "", to: "", revealed: dict() };
  var api = { ready: false, readyAt: null, clicks: 0, state: state };
  window.kgViewer = api;

  // Node keys are page ids ("n:" + entity id, see kg/viewer/model.py); n.id is the entity id.
  DATA.nodes.forEach(function (n) { NODES[n.vid] = n; ADJ[n.vid] = []; });
  DATA.edges.forEach(function (e) {
    EDGES[e.id] = e;
    if (ADJ[e.from]) { ADJ[e.from].push(e.id); }
    if (ADJ[e.to] && e.to !== e.from) { ADJ[e.to].push(e.id); }
  });

  /* ---- small DOM helpers (text only) ---- */
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function label(n) { return state.lang === "hi" ? n.label_hi : n.label; }
  function other(n) { return state.lang === "hi" ? n.label : n.label_hi; }
  function norm(s) { return String(s || "").normalize("NFC").toLowerCase(); }

  /* ---- visibility (filters + focus) ---- */
  function ranked(n) { return state.focus ? state.focus[n.vid] === true : (n.rank < state.top || state.revealed[n.vid] === true); }
  function inDoc(docs) { return !state.doc || docs.indexOf(state.doc) >= 0; }
  function nodeVisible(id) {
    var n = NODES[id];
    return !!n && state.types[n.type] !== false && ranked(n) && inDoc(n.docs);
  }
  // dates are YYYY, YYYY-MM or YYYY-MM-DD: compare the days they cover
  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  function bound(t, high) {
    var parts = String(t).split("-");
    return parts[0] + "-" + (parts[1] || (high ? "12" : "01")) + "-" + (parts[2] || (high ? "31" : "01"));
  }
  function inRange(t) {
    var from = DATE.test(state.from) ? state.from : "", to = DATE.test(state.to) ? state.to : "";
    if (!from && !to) { return true; }
    if (!t || !DATE.test(t)) { return false; }
    return (!from || bound(t, true) >= bound(from, false)) && (!to || bound(t, false) <= bound(to, true));
  }
  function edgeVisible(id) {
    var e = EDGES[id];
    return !!e && state.predicates[e.predicate] !== false && state.modalities[e.modality] !== false &&
      (state.derived || !e.derived) && confident(e) && inDoc(e.docs) && inRange(e.time) &&
      nodeVisible(e.from) && nodeVisible(e.to);
  }
  function confident(e) {
    return typeof e.confidence !== "number" || e.confidence >= state.minConfidence;
  }

  // Filters set vis' "hidden" flag, and only on items whose visibility changed:
  // much cheaper than removing and re-adding them (e.g. a DataView) on big graphs.
  // vis gets only what is visible at first; an item is added when it first shows
  // (a corpus of 10,000 entities opens on its most connected ones, drawn at once).
  var full = { nodes: dict(), edges: dict() }, added = { nodes: dict(), edges: dict() };
  DATA.vis.nodes.forEach(function (n) { full.nodes[n.id] = n; });
  DATA.vis.edges.forEach(function (e) { full.edges[e.id] = e; });
  var shown = { nodes: dict(), edges: dict(), nodeCount: 0, edgeCount: 0 };
  function initial(items, key, kind, visible) {
    var out = [];
    items.forEach(function (item) {
      var id = item[key], on = visible(id);
      shown[kind][id] = on;
      if (on) { added[kind][id] = true; out.push(full[kind][id]); }
    });
    shown[kind === "nodes" ? "nodeCount" : "edgeCount"] = out.length;
    return out;
  }
  var nodes = new vis.DataSet(initial(DATA.nodes, "vid", "nodes", nodeVisible));
  var edges = new vis.DataSet(initial(DATA.edges, "id", "edges", edgeVisible));
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.vis.options);
  api.network = network; api.nodes = nodes; api.edges = edges;

  function counts() {
    return { nodes: shown.nodeCount, edges: shown.edgeCount,
      totalNodes: DATA.nodes.length, totalEdges: DATA.edges.length };
  }
  api.counts = counts;
  api.visibleNodeIds = function () { return DATA.nodes.map(function (n) { return n.vid; }).filter(nodeVisible); };
  function changes(items, key, kind, visible) {
    var out = [], count = 0, map = shown[kind], have = added[kind];
    items.forEach(function (item) {
      var id = item[key], on = visible(id);
      if (on) { count += 1; }
      if (map[id] === on) { return; }
      map[id] = on;
      if (have[id]) { out.push({ id: id, hidden: !on }); }
      else if (on) { have[id] = true; out.push(Object.assign({}, full[kind][id], { hidden: false })); }
    });
    return { list: out, count: count };
  }
  function refresh() {
    var n = changes(DATA.nodes, "vid", "nodes", nodeVisible);
    var e = changes(DATA.edges, "id", "edges", edgeVisible);
    shown.nodeCount = n.count; shown.edgeCount = e.count;
    if (n.list.length) { nodes.update(n.list); }
    if (e.list.length) { edges.update(e.list); }
    api.lastRefresh = { nodes: n.list.length, edges: e.list.length };
    var c = counts();
    document.getElementById("kg-status").textContent = "Showing " + c.nodes + " of " + c.totalNodes +
      " entities, " + c.edges + " of " + c.totalEdges + " relations" + (state.focus ? " (focused)" : "");
    var hidden = c.totalNodes - c.nodes;
    document.getElementById("kg-hidden").textContent = hidden ? hidden + " entities hidden (search finds them)" : "";
  }

  /* ---- legend + filters ---- */
  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  var SHAPES = {
    dot: function () { return svg("circle", { cx: 9, cy: 9, r: 7 }); },
    square: function () { return svg("rect", { x: 2, y: 2, width: 14, height: 14 }); },
    diamond: function () { return svg("polygon", { points: "9,1 17,9 9,17 1,9" }); },
    triangle: function () { return svg("polygon", { points: "9,2 17,16 1,16" }); },
    hexagon: function () { return svg("polygon", { points: "5,2 13,2 17,9 13,16 5,16 1,9" }); },
    star: function () { return svg("polygon", { points: "9,1 11,7 17,7 12,11 14,17 9,13 4,17 6,11 1,7 7,7" }); },
    ellipse: function () { return svg("ellipse", { cx: 9, cy: 9, rx: 8, ry: 5 }); }
  };
  function nodeSwatch(t) {
    var box = svg("svg", { width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true" });
    var shape = (SHAPES[t.shape] || SHAPES.ellipse)();
    shape.setAttribute("fill", t.color); shape.setAttribute("stroke", "#333");
    box.appendChild(shape);
    return box;
  }
  function lineSwatch(color, dashes, width) {
    var box = svg("svg", { width: 30, height: 12, viewBox: "0 0 30 12", "aria-hidden": "true" });
    var line = svg("line", { x1: 1, y1: 6, x2: 29, y2: 6, stroke: color, "stroke-width": width });
    if (dashes && dashes.length) { line.setAttribute("stroke-dasharray", dashes.join(" ")); }
    box.appendChild(line);
    return box;
  }
  var CHECKS = [];
  function checkbox(parent, swatch, text, count, onChange, get) {
    var row = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true;
    CHECKS.push({ box: box, get: get });
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    row.appendChild(box);
    if (swatch) { row.appendChild(swatch); }
    row.appendChild(el("span", null, text));
    row.appendChild(el("span", "kg-count", count));
    parent.appendChild(row);
    return box;
  }
  function tally(list, key) {
    var out = dict();
    list.forEach(function (x) { out[x[key]] = (out[x[key]] || 0) + 1; });
    return out;
  }
  function buildLegend() {
    var typeCount = tally(DATA.nodes, "type"), modCount = tally(DATA.edges, "modality");
    var predCount = tally(DATA.edges, "predicate"), derived = 0;
    DATA.edges.forEach(function (e) { if (e.derived) { derived += 1; } });
    var types = document.getElementById("kg-types");
    DATA.ui.types.forEach(function (t) {
      checkbox(types, nodeSwatch(t), t.name, typeCount[t.name] || 0, function (on) { state.types[t.name] = on; },
        function () { return state.types[t.name] !== false; });
    });
    var mods = document.getElementById("kg-modalities");
    DATA.ui.modalities.forEach(function (m) {
      checkbox(mods, lineSwatch(m.color, m.dashes, 2), m.name, modCount[m.name] || 0,
        function (on) { state.modalities[m.name] = on; },
        function () { return state.modalities[m.name] !== false; });
    });
    checkbox(mods, lineSwatch(DATA.ui.derived.color, DATA.ui.derived.dashes, 1), "derived (inferred)",
      derived, function (on) { state.derived = on; }, function () { return state.derived; });
    var preds = document.getElementById("kg-predicates");
    Object.keys(predCount).sort().forEach(function (p) {
      checkbox(preds, null, p, predCount[p], function (on) { state.predicates[p] = on; },
        function () { return state.predicates[p] !== false; });
    });
  }

  /* ---- details panel ---- */
  var panel = document.getElementById("kg-panel");
  function row(dl, name, value) {
    dl.appendChild(el("dt", null, name));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); }
    else if (value === null || value === undefined || value === "") { dd.appendChild(el("span", "kg-muted", "—")); }
    else { dd.textContent = String(value); }
    dl.appendChild(dd);
  }
  function entityLink(ref) {
    if (!ref) { return null; }
    if (!NODES[ref.vid]) { return el("span", null, ref.label + " / " + ref.label_hi); }
    var b = el("button", "kg-link", NODES[ref.vid].label + " / " + NODES[ref.vid].label_hi);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(ref.vid, true); });
    return b;
  }
  function wikidataLink(qid) {
    if (typeof qid !== "string" || !QID.test(qid)) { return qid ? el("span", null, qid) : null; }
    var a = el("a", null, qid);
    a.href = DATA.ui.wikidata + qid; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function list(items) {
    if (!items.length) { return null; }
    var ul = el("ul");
    items.forEach(function (x) { ul.appendChild(x instanceof Node ? wrapLi(x) : el("li", null, x)); });
    return ul;
  }
  function wrapLi(child) { var li = el("li"); li.appendChild(child); return li; }
  function edgeLink(e, from) {
    var other = from ? NODES[e.to] : NODES[e.from];
    var when = [e.time].concat(e.docs).filter(function (x) { return x; }).join(", ");
    var text = (from ? "→ " : "← ") + e.predicate + (e.modality !== "asserted" ? " (" + e.modality + ")" : "") +
      (e.derived ? " [derived]" : "") + " " + (other ? label(other) : "?") + (when ? " · " + when : "");
    var b = el("button", "kg-link", text);
    b.type = "button";
    b.addEventListener("click", function () { selectEdge(e.id); });
    return b;
  }
  function actions(id) {
    var box = el("div", "kg-panel-actions");
    var focus = el("button", null, "Focus neighbourhood");
    focus.type = "button"; focus.id = "kg-focus";
    focus.addEventListener("click", function () { focusOn(id); });
    var reset = el("button", null, "Reset");
    reset.type = "button";
    reset.addEventListener("click", resetAll);
    box.appendChild(focus); box.appendChild(reset);
    return box;
  }
  function showNode(id) {
    var n = NODES[id];
    if (!n) { return; }
    clear(panel);
    panel.setAttribute("data-kind", "node");
    panel.appendChild(el("h2", null, n.label));
    var sub = el("p", "kg-sub", n.label_hi); sub.lang = "hi"; panel.appendChild(sub);
    var dl = el("dl");
    row(dl, "Type", n.type); row(dl, "ID", n.id); row(dl, "Wikidata", wikidataLink(n.wikidata));
    row(dl, "Aliases", list(n.aliases)); row(dl, "Mentions", n.mentions);
    row(dl, "Documents", list(n.docs)); row(dl, "Relations", ADJ[id].length);
    panel.appendChild(dl);
    panel.appendChild(actions(id));
    panel.appendChild(el("h3", null, "Relations"));
    panel.appendChild(list(ADJ[id].map(function (eid) { return edgeLink(EDGES[eid], EDGES[eid].from === id); })) ||
      el("p", "kg-muted", "none"));
  }
  function evidenceBlock(ev) {
    var box = el("div", "kg-evidence");
    var src = (ev.doc_title ? ev.doc_title + " — " : "") + ev.doc + (ev.doc_date ? ", " + ev.doc_date : "") +
      " [" + ev.start + "–" + ev.end + "]";
    box.appendChild(el("div", "kg-src", src));
    var q = el("blockquote"); q.lang = "hi";
    ev.segments.forEach(function (seg) {
      q.appendChild(seg[1] ? el("mark", "kg-" + seg[1], seg[0]) : document.createTextNode(seg[0]));
    });
    box.appendChild(q);
    return box;
  }
  function showEdge(id) {
    var e = EDGES[id];
    if (!e) { return; }
    clear(panel);
    panel.setAttribute("data-kind", "edge");
    var s = NODES[e.from], o = NODES[e.to];
    panel.appendChild(el("h2", null, (s ? s.label : e.from) + " — " + e.predicate + " → " + (o ? o.label : e.to)));
    var dl = el("dl");
    row(dl, "Predicate", e.predicate); row(dl, "Subject", entityLink(s)); row(dl, "Object", entityLink(o));
    row(dl, "Modality", e.modality); row(dl, "Time", e.time); row(dl, "Place", entityLink(e.place));
    row(dl, "Confidence", e.confidence); row(dl, "Derived", e.derived ? "yes (inferred, not stated)" : "no");
    row(dl, "Role", e.role);
    panel.appendChild(dl);
    panel.appendChild(el("h3", null, "Evidence (" + e.evidence.length + ")"));
    if (!e.evidence.length) { panel.appendChild(el("p", "kg-muted", "no evidence sentence")); }
    else {
      var key = el("p", "kg-muted", "Marked: ");
      key.appendChild(el("mark", "kg-subject", "subject")); key.appendChild(document.createTextNode(" "));
      key.appendChild(el("mark", "kg-object", "object"));
      panel.appendChild(key);
    }
    e.evidence.forEach(function (ev) { panel.appendChild(evidenceBlock(ev)); });
  }
  function showOverview() {
    clear(panel);
    panel.setAttribute("data-kind", "overview");
    panel.appendChild(el("h2", null, "Overview"));
    var dl = el("dl");
    row(dl, "Entities", DATA.nodes.length); row(dl, "Relations", DATA.edges.length);
    row(dl, "Documents", list(Object.keys(DATA.docs).sort().map(function (k) {
      var d = DATA.docs[k];
      return (d.title ? d.title + " — " : "") + d.id + (d.date ? ", " + d.date : "");
    })));
    panel.appendChild(dl);
    panel.appendChild(el("p", "kg-muted", "Click an entity or a relation to see all its fields and evidence. " +
      "Hover an entity for its name in the other language."));
  }
  api.showNode = showNode; api.showEdge = showEdge;

  /* ---- selection, focus, search, language ---- */
  function ensureVisible(id) {
    if (nodeVisible(id)) { return; }
    state.focus = null; state.types[NODES[id].type] = true; state.doc = ""; syncCorpus();
    state.revealed[id] = true;  // a hidden entity found by search shows, with its neighbours
    ADJ[id].forEach(function (eid) { state.revealed[EDGES[eid].from] = true; state.revealed[EDGES[eid].to] = true; });
    syncChecks(); refresh();
  }
  function selectNode(id, move) {
    if (!NODES[id]) { return; }
    ensureVisible(id);
    network.selectNodes([id]);
    if (move) { network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false }); }
    showNode(id);
  }
  function selectEdge(id) {
    if (!edgeVisible(id)) { return showEdge(id); }
    network.selectEdges([id]);
    showEdge(id);
  }
  function focusOn(id) {
    var keep = dict(); keep[id] = true;
    ADJ[id].forEach(function (eid) { keep[EDGES[eid].from] = true; keep[EDGES[eid].to] = true; });
    state.focus = keep;
    refresh();
    network.fit({ nodes: Object.keys(keep).filter(nodeVisible), animation: false });
    network.selectNodes([id]);
  }
  function syncChecks() { CHECKS.forEach(function (c) { c.box.checked = c.get(); }); }
  var minConf = document.getElementById("kg-min-confidence");
  function setMinConfidence(value) {
    var v = Math.min(1, Math.max(0, Number(value) || 0));
    state.minConfidence = v; minConf.value = String(v);
    document.getElementById("kg-min-confidence-value").textContent = v.toFixed(2);
  }
  minConf.addEventListener("input", function () { setMinConfidence(minConf.value); refresh(); });
  api.setMinConfidence = function (v) { setMinConfidence(v); refresh(); };
  var topBox = document.getElementById("kg-top"), docBox = document.getElementById("kg-doc");
  var fromBox = document.getElementById("kg-from"), toBox = document.getElementById("kg-to");
  function syncCorpus() {
    topBox.value = String(state.top); topBox.max = String(Math.max(1, DATA.nodes.length));
    docBox.value = state.doc; fromBox.value = state.from; toBox.value = state.to;
  }
  Object.keys(DATA.docs).sort().forEach(function (k) {
    var d = DATA.docs[k], opt = el("option", null, (d.title ? d.title + " — " : "") + d.id);
    opt.value = d.id; docBox.appendChild(opt);
  });
  topBox.addEventListener("change", function () {
    var v = Math.floor(Number(topBox.value));
    state.top = v >= 1 ? v : DATA.ui.top; state.revealed = dict(); syncCorpus(); refresh();
  });
  docBox.addEventListener("change", function () { state.doc = docBox.value; refresh(); });
  [fromBox, toBox].forEach(function (box) {
    box.addEventListener("input", function () { state.from = fromBox.value.trim(); state.to = toBox.value.trim(); refresh(); });
  });
  api.showTop = function (n) { topBox.value = String(n); topBox.dispatchEvent(new Event("change")); };
  function resetAll() {
    state.types = dict(); state.predicates = dict(); state.modalities = dict();
    state.derived = true; state.focus = null;
    state.top = DATA.ui.top; state.doc = ""; state.from = ""; state.to = ""; state.revealed = dict();
    syncCorpus();
    setMinConfidence(0);
    syncChecks();
    document.getElementById("kg-search").value = "";
    clear(document.getElementById("kg-results"));
    refresh();
    network.unselectAll();
    fitAll();
    showOverview();
  }
  var INDEX = DATA.nodes.map(function (n) {
    return { id: n.vid, keys: [n.label, n.label_hi, n.id, n.wikidata || ""].concat(n.aliases).map(norm) };
  });
  function search(query) {
    var q = norm(query).trim(), hits = [];
    if (!q) { return hits; }
    INDEX.forEach(function (item) {
      var best = 9;
      item.keys.forEach(function (k) {
        if (k === q) { best = Math.min(best, 0); }
        else if (k.indexOf(q) === 0) { best = Math.min(best, 1); }
        else if (k.indexOf(q) > 0) { best = Math.min(best, 2); }
      });
      if (best < 9) { hits.push([best, NODES[item.id].label, item.id]); }
    });
    hits.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    return hits.slice(0, 30).map(function (h) { return h[2]; });
  }
  function showResults(ids) {
    var ul = document.getElementById("kg-results");
    clear(ul);
    ids.forEach(function (id) {
      var n = NODES[id], li = el("li"), b = el("button", null, n.label + " · " + n.label_hi + " (" + n.type + ")");
      b.type = "button"; b.setAttribute("data-id", n.id);
      b.addEventListener("click", function () { clear(ul); selectNode(id, true); });
      li.appendChild(b); ul.appendChild(li);
    });
  }
  api.search = function (query) { return search(query).map(function (v) { return NODES[v].id; }); };
  api.vid = function (entityId) { return "n:" + entityId; };
  function setLang(lang) {
    state.lang = lang === "hi" ? "hi" : "en";
    document.getElementById("kg-lang-en").setAttribute("aria-pressed", String(state.lang === "en"));
    document.getElementById("kg-lang-hi").setAttribute("aria-pressed", String(state.lang === "hi"));
    nodes.update(DATA.nodes.map(function (n) { return { id: n.vid, label: label(n) }; }));
  }
  api.setLang = setLang;

  /* ---- hover tooltip (text only; vis' own HTML popups are not used) ---- */
  var tip = document.getElementById("kg-tip");
  function showTip(text, pointer) {
    var box = container.getBoundingClientRect();
    tip.textContent = text;
    tip.style.left = Math.round(box.left + pointer.x + 14) + "px";
    tip.style.top = Math.round(box.top + pointer.y + 14) + "px";
    tip.hidden = false;
  }
  function hideTip() { tip.hidden = true; }

  /* ---- wiring ---- */
  function wire() {
    network.on("click", function (p) {
      api.clicks += 1;
      hideTip();
      if (p.nodes.length) { showNode(p.nodes[0]); }
      else if (p.edges.length) { showEdge(p.edges[0]); }
      else { showOverview(); }
      api.clickedAt = performance.now();
    });
    network.on("hoverNode", function (p) {
      var n = NODES[p.node];
      if (n) { showTip(other(n) + " · " + n.type, p.pointer.DOM); }
    });
    network.on("hoverEdge", function (p) {
      var e = EDGES[p.edge];
      if (e) { showTip(e.predicate + " · " + e.modality + (e.derived ? " · derived" : ""), p.pointer.DOM); }
    });
    network.on("blurNode", hideTip); network.on("blurEdge", hideTip); network.on("dragStart", hideTip);
    var input = document.getElementById("kg-search"), timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { showResults(search(input.value)); }, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { var hits = search(input.value); showResults(hits); if (hits.length) { selectNode(hits[0], true); } }
      if (ev.key === "Escape") { clear(document.getElementById("kg-results")); }
    });
    document.getElementById("kg-lang-en").addEventListener("click", function () { setLang("en"); });
    document.getElementById("kg-lang-hi").addEventListener("click", function () { setLang("hi"); });
    document.getElementById("kg-reset").addEventListener("click", resetAll);
  }
  function fitAll() {
    network.fit({ animation: false });
    network.moveTo({ scale: network.getScale() * 0.85, animation: false });  // room for labels
  }
  function markReady() {
    var stable = !(DATA.vis.options.physics && DATA.vis.options.physics.enabled) || DATA.nodes.length === 0;
    function done() {
      if (api.ready) { return; }
      api.ready = true; api.readyAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    }
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fitAll();
      stable = true;
      network.redraw();
    });
    network.on("afterDrawing", function () { if (stable) { done(); } });
    if (DATA.nodes.length === 0) { done(); }
  }
  buildLegend(); syncCorpus(); wire(); markReady(); refresh(); showOverview();
})();
