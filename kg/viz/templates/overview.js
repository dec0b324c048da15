// kg viz overview: groups of entities drawn closed, opened in place by a click, closed again.
// The page's DataSets hold only what is drawn: a closed group is one node, its members come in
// when it opens, and the relations between what is drawn are recomputed, a closed group's links
// folded into one edge per pair with their count. (vis-network's own clustering took seconds per
// group at 10,000 entities; this takes milliseconds.)
window.kgOverview = function (KG) {
  "use strict";
  var groups = {}, groupOf = {}, open = new Set();
  KG.overview.forEach(function (g) { groups["group:" + g.id] = g; });
  KG.nodes.forEach(function (n) { groupOf[n.id] = "group:" + n.kgGroup; });
  var folded = {};  // id of a folded edge -> {from, to, count}

  function groupNode(g) {
    return {
      id: "group:" + g.id, label: g.label, shape: "dot", size: g.size, x: g.x, y: g.y,
      font: { size: g.font }, borderWidth: 2,
      color: { background: "#dfe6ee", border: "#5f7488", highlight: { background: "#c9d6e3", border: "#111111" },
               hover: { background: "#c9d6e3", border: "#111111" } }
    };
  }
  function shown(id) { var cid = groupOf[id]; return open.has(cid) ? id : cid; }
  function visibleEdges() {
    var out = [];
    folded = {};
    KG.edges.forEach(function (e) {
      var a = shown(e.from), b = shown(e.to);
      if (a === b) return;  // inside a closed group
      if (a === e.from && b === e.to) { out.push(e); return; }
      var id = "fold:" + (a < b ? a + "|" + b : b + "|" + a);
      var f = folded[id];
      if (!f) {
        f = folded[id] = { id: id, from: a, to: b, count: 0, arrows: { to: { enabled: false } }, width: 1 };
        out.push(f);
      }
      f.count += 1;
      f.width = Math.min(6, 1 + Math.log2(f.count));
    });
    return out;
  }
  function members(cid) { return KG.nodes.filter(function (n) { return groupOf[n.id] === cid; }); }

  return {
    groups: groups,
    groupOf: groupOf,
    open: open,
    folded: function (id) { return folded[id]; },
    startNodes: function () { return KG.overview.map(groupNode); },
    startEdges: visibleEdges,
    // the ids of the members now drawn
    openGroup: function (nodes, edges, cid) {
      if (!groups[cid] || open.has(cid)) return [];
      open.add(cid);
      var inside = members(cid);
      nodes.remove(cid);
      nodes.add(inside);
      edges.clear();
      edges.add(visibleEdges());
      return inside.map(function (n) { return n.id; });
    },
    closeAll: function (nodes, edges) {
      var was = Array.from(open);
      open.clear();
      nodes.remove(KG.nodes.filter(function (n) { return was.indexOf(groupOf[n.id]) >= 0; }).map(function (n) { return n.id; }));
      nodes.add(was.map(function (cid) { return groupNode(groups[cid]); }));
      edges.clear();
      edges.add(visibleEdges());
    }
  };
};
