// kg viz: tooltips, details, search and neighbourhood highlighting on a vis-network graph.
// Names and sentences come from documents: they only ever reach the page through textContent.
(function () {
  "use strict";
  var KG = JSON.parse(document.getElementById("kg-data").textContent);
  var info = KG.info;
  var container = document.getElementById("kg-network");
  var ov = KG.overview ? window.kgOverview(KG) : null;  // groups drawn closed: see overview.js
  var groups = ov ? ov.groups : {};
  var nodes = new vis.DataSet(ov ? ov.startNodes() : KG.nodes);
  var edges = new vis.DataSet(ov ? ov.startEdges() : KG.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, KG.options);
  // handles for tests and for analysts poking at the page from the console
  window.kg = { network: network, nodes: nodes, edges: edges, info: info, drawnAt: null };

  function openGroup(cid, fit) {
    clearHighlight();  // (a dimmed node's update would bring back a node no longer drawn)
    var ids = ov.openGroup(nodes, edges, cid);
    if (!ids.length) return;
    window.kg.opened.push(groups[cid].id);
    if (fit) network.fit({ nodes: ids, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }
  function closeAll() {
    clearHighlight();
    ov.closeAll(nodes, edges);
    window.kg.opened = [];
  }
  window.kg.groups = KG.overview;
  window.kg.opened = [];
  window.kg.closeAll = closeAll;
  window.kg.openGroup = openGroup;
  // first view: every group and label (vis-network's own fit leaves labels out of its box)
  function home() {
    if (!KG.view) return;
    var scale = Math.min(container.clientWidth / KG.view.width, container.clientHeight / KG.view.height);
    network.moveTo({ position: { x: KG.view.x, y: KG.view.y }, scale: scale });
  }
  window.kg.home = home;
  network.once("afterDrawing", function () {
    home();
    window.kg.drawnAt = performance.now();
    document.body.setAttribute("data-drawn", "true");
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function nameOf(id) {
    var n = info.nodes[id] || groups[id];
    return n ? n.name : id;
  }

  function props(obj) {
    var keys = Object.keys(obj || {});
    if (!keys.length) return null;
    var dl = el("dl", "kg-props");
    keys.forEach(function (k) {
      dl.appendChild(el("dt", null, k));
      dl.appendChild(el("dd", null, obj[k]));
    });
    return dl;
  }

  var TIP_SENTENCES = 2;  // the hover tooltip stays short; a click shows them all

  // evidence sentences grouped under their report: "report.txt (date) — title", then the quotes
  function evidence(item, box, limit) {
    var shown = item.evidence.slice(0, limit);
    var lastDoc = null, group = null;
    shown.forEach(function (pair) {
      if (pair[0] !== lastDoc) {
        var doc = KG.docs[pair[0]] || {};
        group = el("div", "kg-ev");
        group.appendChild(el("cite", null, pair[0] + (doc.date ? " (" + doc.date + ")" : "") +
          (doc.title ? " — " + doc.title : "")));
        box.appendChild(group);
        lastDoc = pair[0];
      }
      group.appendChild(el("q", null, pair[1]));
    });
    var more = item.more + item.evidence.length - shown.length;
    if (more) {
      var text = "+ " + more + " more sentence" + (more > 1 ? "s" : "");
      if (item.reports > 1) text += " (" + item.reports + " reports in all)";
      if (shown.length < item.evidence.length) text += " · click for more";
      box.appendChild(el("div", "kg-more", text));
    }
    if (!item.evidence.length) box.appendChild(el("div", "kg-more", "no evidence sentence recorded"));
  }

  function describeNode(id, limit) {
    var item = info.nodes[id];
    var box = el("div");
    var head = el("div", "kg-head", item.name);
    head.appendChild(el("span", "kg-type", item.type));
    box.appendChild(head);
    if (item.en) box.appendChild(el("div", "kg-sub", "English: " + item.en));
    if (item.aliases.length) box.appendChild(el("div", "kg-sub", "Also: " + item.aliases.join("; ")));
    var p = props(item.props);
    if (p) box.appendChild(p);
    var degree = network.getConnectedEdges(id).length;
    box.appendChild(el("div", "kg-sub", degree + (degree === 1 ? " relation" : " relations") + " · id " + id));
    if (KG.overview) box.appendChild(el("div", "kg-more", "evidence: kg viz --around \"" + item.name + "\""));
    else evidence(item, box, limit);
    return box;
  }

  function describeFolded(f) {
    var box = el("div");
    box.appendChild(el("div", "kg-head", f.count + (f.count === 1 ? " relation" : " relations")));
    box.appendChild(el("div", "kg-sub", nameOf(f.from) + " — " + nameOf(f.to)));
    box.appendChild(el("div", "kg-more", "open a group to see them"));
    return box;
  }

  function describeGroup(cid) {
    var g = groups[cid];
    var box = el("div");
    var head = el("div", "kg-head", g.name);
    head.appendChild(el("span", "kg-type", "group"));
    box.appendChild(head);
    var kinds = Object.keys(g.types).map(function (t) { return g.types[t] + " " + t; }).join(", ");
    box.appendChild(el("div", "kg-sub", g.members + (g.members === 1 ? " entity: " : " entities: ") + kinds));
    if (g.pooled) box.appendChild(el("div", "kg-sub", "pooled from " + g.pooled + " small groups"));
    box.appendChild(el("div", "kg-sub", "most linked: " + g.hubs.join("; ")));
    box.appendChild(el("div", "kg-more", "click to open the group · C closes every group"));
    return box;
  }

  function describeEdge(id, limit) {
    var item = info.edges[id];
    var box = el("div");
    var head = el("div", "kg-head", item.type + (item.role ? ": " + item.role : "") +
                  (item.role_en ? " (" + item.role_en + ")" : ""));
    box.appendChild(head);
    box.appendChild(el("div", "kg-sub", nameOf(item.source) + " → " + nameOf(item.target)));
    var shown = Object.assign({}, item.props);
    if (item.confidence !== 1) shown.confidence = item.confidence;
    var p = props(shown);
    if (p) box.appendChild(p);
    evidence(item, box, limit);
    return box;
  }

  // hover tooltip
  var tip = document.getElementById("kg-tip");
  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.style.display = "block";
    var w = container.clientWidth, h = container.clientHeight;
    var x = pointer.x + 16, y = pointer.y + 16;
    if (x + tip.offsetWidth > w) x = Math.max(0, pointer.x - tip.offsetWidth - 16);
    if (y + tip.offsetHeight > h) y = Math.max(0, h - tip.offsetHeight - 4);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) {
    if (groups[p.node]) showTip(describeGroup(p.node), p.pointer.DOM);
    else if (info.nodes[p.node]) showTip(describeNode(p.node, TIP_SENTENCES), p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    if (info.edges[p.edge]) showTip(describeEdge(p.edge, TIP_SENTENCES), p.pointer.DOM);
    else if (ov && ov.folded(p.edge)) showTip(describeFolded(ov.folded(p.edge)), p.pointer.DOM);
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // details panel: what was clicked stays readable (and copyable) there
  var details = document.getElementById("kg-details");
  var detailsBody = document.getElementById("kg-details-body");
  function showDetails(content) { detailsBody.replaceChildren(content); details.hidden = false; }
  function hideDetails() { details.hidden = true; }
  document.getElementById("kg-close").addEventListener("click", function () { hideDetails(); clearHighlight(); });

  // neighbourhood highlight: everything else fades
  var dimmedNodes = new Set(), dimmedEdges = new Set();
  var LABEL = KG.options.nodes.font.color, FADED = "rgba(34,34,34,0.15)";
  function highlight(id) {
    var keep = new Set(network.getConnectedNodes(id));
    keep.add(id);
    var keepEdges = new Set(network.getConnectedEdges(id));
    var nodeUpdates = [], edgeUpdates = [];
    nodes.getIds().forEach(function (n) {
      var dim = !keep.has(n);
      if (dim !== dimmedNodes.has(n)) {
        nodeUpdates.push({ id: n, opacity: dim ? 0.15 : 1, font: { color: dim ? FADED : LABEL } });
        if (dim) dimmedNodes.add(n); else dimmedNodes.delete(n);
      }
    });
    edges.getIds().forEach(function (e) {
      var dim = !keepEdges.has(e);
      if (dim !== dimmedEdges.has(e)) {
        edgeUpdates.push({ id: e, color: { opacity: dim ? 0.08 : 1 }, font: { color: dim ? "rgba(85,85,85,0.1)" : "#555555" } });
        if (dim) dimmedEdges.add(e); else dimmedEdges.delete(e);
      }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    window.kg.highlighted = id;
  }
  function clearHighlight() {
    if (dimmedNodes.size) {
      nodes.update(Array.from(dimmedNodes, function (n) { return { id: n, opacity: 1, font: { color: LABEL } }; }));
    }
    if (dimmedEdges.size) {
      edges.update(Array.from(dimmedEdges, function (e) {
        return { id: e, color: { opacity: 1 }, font: { color: "#555555" } };
      }));
    }
    dimmedNodes.clear();
    dimmedEdges.clear();
    window.kg.highlighted = null;
    network.unselectAll();
  }
  network.on("click", function (p) {
    if (p.nodes.length && groups[p.nodes[0]]) {
      hideTip();
      openGroup(p.nodes[0], true);
    } else if (p.nodes.length) {
      highlight(p.nodes[0]);
      showDetails(describeNode(p.nodes[0]));
    } else if (p.edges.length && info.edges[p.edges[0]]) {
      showDetails(describeEdge(p.edges[0]));
    } else {
      clearHighlight();
      hideDetails();
    }
  });

  function focusNode(id) {
    hideTip();
    if (ov && !ov.open.has(ov.groupOf[id])) openGroup(ov.groupOf[id], false);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    network.selectNodes([id]);
    highlight(id);
    showDetails(describeNode(id));
  }
  window.kg.focusNode = focusNode;

  // search: accent- and case-insensitive, over names and aliases
  function fold(s) {
    return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  var index = Object.keys(info.nodes).map(function (id) {
    var item = info.nodes[id];
    return { id: id, keys: [item.name].concat(item.aliases, item.en ? [item.en] : []).map(fold) };
  });
  var input = document.getElementById("kg-search");
  var list = document.getElementById("kg-results");
  var active = -1, shownIds = [];
  function search(q) {
    q = fold(q.trim());
    if (!q) return [];
    var starts = [], within = [];
    for (var i = 0; i < index.length; i++) {
      var entry = index[i], best = -1;
      for (var k = 0; k < entry.keys.length; k++) {
        var at = entry.keys[k].indexOf(q);
        if (at === 0) { best = 0; break; }
        if (at > 0) best = 1;
      }
      if (best === 0) starts.push(entry.id); else if (best === 1) within.push(entry.id);
    }
    return starts.concat(within);
  }
  function renderResults() {
    var found = search(input.value);
    shownIds = found.slice(0, 30);
    active = shownIds.length ? 0 : -1;
    list.replaceChildren();
    if (!input.value.trim()) { list.hidden = true; return; }
    shownIds.forEach(function (id, i) {
      var li = el("li", i === active ? "kg-active" : "", nameOf(id));
      li.setAttribute("role", "option");
      li.appendChild(el("span", "kg-type", info.nodes[id].type));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      list.appendChild(li);
    });
    if (!found.length) list.appendChild(el("li", "kg-none", "no entity matches"));
    else if (found.length > shownIds.length) list.appendChild(el("li", "kg-none", (found.length - shownIds.length) + " more — type more letters"));
    list.hidden = false;
  }
  function choose(i) {
    if (i < 0 || i >= shownIds.length) return;
    list.hidden = true;
    focusNode(shownIds[i]);
  }
  function markActive() {
    Array.prototype.forEach.call(list.children, function (li, i) { li.classList.toggle("kg-active", i === active); });
  }
  input.addEventListener("input", renderResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); choose(active); }
    else if (ev.key === "ArrowDown" && shownIds.length) { ev.preventDefault(); active = (active + 1) % shownIds.length; markActive(); }
    else if (ev.key === "ArrowUp" && shownIds.length) { ev.preventDefault(); active = (active - 1 + shownIds.length) % shownIds.length; markActive(); }
    else if (ev.key === "Escape") { list.hidden = true; input.blur(); }
  });
  input.addEventListener("blur", function () { list.hidden = true; });
  input.addEventListener("focus", function () { if (input.value.trim()) renderResults(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.target === input) return;
    if (ev.key === "/") { ev.preventDefault(); input.focus(); input.select(); }
    else if (ev.key === "Escape") { clearHighlight(); hideDetails(); hideTip(); }
    else if ((ev.key === "c" || ev.key === "C") && KG.overview) { clearHighlight(); hideDetails(); closeAll(); home(); }
  });
})();
