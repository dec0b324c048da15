// Every label vis-network draws at the current zoom, as a box in page units: the text measured
// with the label's own font on a canvas, centred under the node's shape (vis-network's "hanging"
// placement below dots and the other shapes), or centred on the node for shapes drawn around
// the label. Computed from the network's positions by the caller, not by the page it measures.
() => {
  const net = kg.network, scale = net.getScale(), ctx = document.createElement('canvas').getContext('2d');
  const inside = new Set(['box', 'ellipse', 'circle', 'database', 'text']);
  return net.body.nodeIndices.map((id) => net.body.nodes[id]).filter((n) => n.labelModule.visible()).map((n) => {
    const f = n.labelModule.fontOptions;
    ctx.font = `${f.size}px ${f.face}`;
    const w = ctx.measureText(n.options.label).width, h = f.size;
    const top = inside.has(n.options.shape) ? n.y - h / 2 : n.y + n.options.size;
    return {id: String(n.id), label: n.options.label, left: n.x - w / 2, right: n.x + w / 2, top: top,
            bottom: top + h, px: f.size * scale};
  });
}
