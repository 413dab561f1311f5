(function () {
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var nodes = Array.prototype.slice.call(document.querySelectorAll('.node'));
  var edges = Array.prototype.slice.call(document.querySelectorAll('.edge'));
  var hiddenKinds = {};
  var pinned = null;
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function visible(e) { return !hiddenKinds[e.getAttribute('data-kind')]; }
  function highlight(i) {
    if (i === null) {
      nodes.forEach(function (n) { n.classList.remove('dim'); });
      edges.forEach(function (e) { e.classList.remove('dim'); });
      return;
    }
    var near = {}; near[i] = true;
    edges.forEach(function (e) {
      var s = e.getAttribute('data-s'), t = e.getAttribute('data-t');
      var on = visible(e) && (s == i || t == i);
      if (on) { near[s] = true; near[t] = true; }
      e.classList.toggle('dim', !on);
    });
    nodes.forEach(function (n) { n.classList.toggle('dim', !near[n.getAttribute('data-i')]); });
  }
  function details(i) {
    var node = data.nodes[i], rows = '';
    Object.keys(node).forEach(function (k) { rows += '<tr><td>' + esc(k) + '</td><td>' + esc(node[k]) + '</td></tr>'; });
    var items = '';
    data.edges.forEach(function (e) {
      if (e.s != i && e.t != i) return;
      var other = data.nodes[e.s == i ? e.t : e.s];
      var dir = e.s == i ? '→' : '←';
      items += '<li><b>' + esc(e.kind) + '</b> ' + dir + ' ' + esc(other.label || other.id) +
        (e.count > 1 ? ' ×' + e.count : '') +
        (e.evidence.length ? '<br><small>' + e.evidence.map(esc).join('<br>') + '</small>' : '') + '</li>';
    });
    document.getElementById('details').innerHTML =
      '<h3>' + esc(node.label || node.id) + '</h3><table>' + rows + '</table><ul>' + items + '</ul>';
  }
  nodes.forEach(function (n) {
    var i = n.getAttribute('data-i');
    n.addEventListener('mouseenter', function () { if (pinned === null) highlight(i); });
    n.addEventListener('mouseleave', function () { if (pinned === null) highlight(null); });
    n.addEventListener('click', function () {
      pinned = pinned === i ? null : i;
      highlight(pinned);
      if (pinned !== null) details(i);
    });
  });
  document.querySelectorAll('input[data-edge-kind]').forEach(function (box) {
    box.addEventListener('change', function () {
      hiddenKinds[box.getAttribute('data-edge-kind')] = !box.checked;
      edges.forEach(function (e) { e.classList.toggle('hidden', !visible(e)); });
      highlight(pinned);
    });
  });
  document.getElementById('find').addEventListener('input', function (ev) {
    var q = ev.target.value.trim();
    nodes.forEach(function (n) {
      var label = data.nodes[n.getAttribute('data-i')].label || '';
      n.classList.toggle('hit', q !== '' && label.indexOf(q) >= 0);
    });
  });
  // How many nodes and lines the browser laid out inside the drawing: what a reader can see, for tests and checks.
  var box = document.getElementById('graph').getBoundingClientRect();
  var shown = nodes.filter(function (n) {
    var r = n.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    return r.width > 0 && x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }).length;
  document.documentElement.setAttribute('data-rendered', String(shown));
  document.documentElement.setAttribute('data-rendered-lines', String(edges.length));
})();
