
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var T = data.texts;
  var panel = document.getElementById("panel");
  var selected = null;
  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value == null ? "" : value; }
  function show(id, yes) { $(id).hidden = !yes; }
  var names = { pass: "pass", conforms_to_language: "conforms to the language", known_divergence: "known divergence", fail: "fail", skipped: "skipped" };
  // A guide line ("?", then "^" under each changed character) marks the words
  // of the changed line above it: they become <del> or <ins>.
  function markWords(span, line, guide) {
    var chars = Array.from(line.slice(1));
    var marks = Array.from(guide.slice(1));
    var tag = line.charAt(0) === "-" ? "del" : "ins";
    span.textContent = line.charAt(0);
    var run = "", marked = false;
    function flush() {
      if (run === "") return;
      var node = marked ? document.createElement(tag) : document.createTextNode(run);
      if (marked) node.textContent = run;
      span.appendChild(node);
      run = "";
    }
    chars.forEach(function (c, k) {
      var m = marks[k] === "^";
      if (m !== marked) { flush(); marked = m; }
      run += c;
    });
    flush();
    span.appendChild(document.createTextNode("\n"));
  }
  function diffInto(pre, diff) {
    pre.textContent = "";
    var last = null, lastLine = "";
    diff.split("\n").forEach(function (line, i, all) {
      if (i === all.length - 1 && line === "") return;
      if (line.startsWith("?") && last && (last.className === "add" || last.className === "del")) {
        markWords(last, lastLine, line);
        last = null;
        return;
      }
      var span = document.createElement("span");
      span.textContent = line + "\n";
      if (i < 2 && (line.startsWith("--- ") || line.startsWith("+++ "))) span.className = "lbl";
      else if (line.startsWith("@@")) span.className = "hunk";
      else if (line.startsWith("+")) span.className = "add";
      else if (line.startsWith("-")) span.className = "del";
      pre.appendChild(span);
      last = span;
      lastLine = line;
    });
  }
  function open(td) {
    var cell = data.cells[+td.dataset.i];
    cell.backend = td.dataset.backend;
    cell.status = td.dataset.status;
    var kase = data.cases[cell.case] || { id: td.dataset.case, runs: [] };
    if (selected) selected.classList.remove("selected");
    selected = td;
    td.classList.add("selected");
    text("p-title", kase.id + " @ " + cell.backend);
    var status = $("p-status");
    status.textContent = "";
    var badge = document.createElement("span");
    badge.className = "key " + cell.status;
    badge.textContent = names[cell.status];
    status.appendChild(badge);
    var backend = data.backends.filter(function (b) { return b.name === cell.backend; })[0];
    if (backend) status.appendChild(document.createTextNode(" on " + backend.build));
    text("p-description", kase.description);
    var reasons = $("p-reasons");
    reasons.textContent = "";
    (cell.reasons || []).forEach(function (r) {
      var li = document.createElement("li");
      li.textContent = r;
      reasons.appendChild(li);
    });
    var diffs = $("p-diffs");
    diffs.textContent = "";
    (cell.diffs || []).forEach(function (d) {
      var h = document.createElement("h3");
      h.textContent = "[" + d[0] + "] differs";
      var pre = document.createElement("pre");
      pre.className = "diff";
      diffInto(pre, T[d[1]]);
      diffs.appendChild(h);
      diffs.appendChild(pre);
    });
    text("p-against", T[cell.against]);
    text("p-golden", cell.golden == null ? "(nothing: the check did not run)" : T[cell.golden]);
    show("p-actual-box", cell.actual != null);
    text("p-backend", cell.backend);
    text("p-actual", cell.actual == null ? "" : T[cell.actual]);
    show("p-refresh-box", cell.refresh != null);
    text("p-refresh", cell.refresh);
    var runs = $("p-runs");
    runs.textContent = "";
    show("p-runs-box", (kase.runs || []).length > 0);
    (kase.runs || []).forEach(function (run, i) {
      var div = document.createElement("div");
      div.className = "run";
      var seg = document.createElement("span");
      seg.className = "seg r" + Math.min(i, 5);
      div.appendChild(seg);
      var note = kase.runs.length === 1 ? ": the same on every version with a golden" : i === 0 ? "" : ": behaviour changes";
      div.appendChild(document.createTextNode(run.versions + note));
      if (run.diff != null) {
        var pre = document.createElement("pre");
        pre.className = "diff";
        diffInto(pre, T[run.diff]);
        div.appendChild(pre);
      }
      runs.appendChild(div);
    });
    text("p-path", kase.path);
    text("p-source", T[kase.source]);
    panel.hidden = false;
    document.body.classList.add("panel-open");
    panel.scrollTop = 0;
  }
  // A link to the open cell, without a new history entry per click.
  function setHash(hash) {
    try { history.replaceState(null, "", location.pathname + location.search + hash); } catch (e) { /* some file:// pages refuse */ }
  }
  function close() {
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (selected) selected.classList.remove("selected");
    selected = null;
    if (location.hash) setHash("");
  }
  function fromHash() {
    var m = /^#cell=(.*)@([^@]*)$/.exec(location.hash);
    if (!m) return;
    var kase = decodeURIComponent(m[1]), backend = decodeURIComponent(m[2]);
    var cells = document.querySelectorAll("td.cell");
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].dataset.case === kase && cells[i].dataset.backend === backend) {
        open(cells[i]);
        cells[i].scrollIntoView({ block: "nearest", inline: "nearest" });
        return;
      }
    }
  }
  $("matrix").addEventListener("click", function (e) {
    var td = e.target.closest("td.cell");
    if (!td) return;
    setHash("#cell=" + encodeURIComponent(td.dataset.case).replace(/%2F/g, "/") + "@" + encodeURIComponent(td.dataset.backend));
    open(td);
  });
  // Tooltips made on demand rather than stored in every cell.
  $("matrix").addEventListener("mouseover", function (e) {
    var td = e.target.closest("td.cell");
    if (td && !td.title) td.title = td.dataset.case + " @ " + td.dataset.backend + ": " + names[td.dataset.status];
  });
  $("p-close").addEventListener("click", close);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  window.addEventListener("hashchange", fromHash);
  function filter() {
    var words = $("filter").value.trim().toLowerCase();
    var problems = $("only-problems").checked;
    var changes = $("only-changes") ? $("only-changes").checked : false;
    document.querySelectorAll("#matrix tbody").forEach(function (body) {
      var any = false;
      body.querySelectorAll("tr.case").forEach(function (tr) {
        var keep = (!words || tr.dataset.id.toLowerCase().indexOf(words) >= 0) &&
          (!problems || tr.classList.contains("has-fail") || tr.classList.contains("has-kd")) &&
          (!changes || tr.classList.contains("changes"));
        tr.hidden = !keep;
        any = any || keep;
      });
      body.hidden = !any;
    });
  }
  ["filter", "only-problems", "only-changes"].forEach(function (id) {
    if ($(id)) $(id).addEventListener("input", filter);
  });
  fromHash();
})();
