// The aligncheck report's script. Without it every finding is shown. With
// it: a severity filter (findings at or above a severity), category
// filters, "findings only", counts that follow the filters, and previous /
// next controls (keys k and j) that go through the findings shown, most
// severe first, each scrolled to just below the sticky bar. In an iframe
// (the spot-check page) it tells its parent when the filters change and
// takes filters and "go to the first finding" from it, by postMessage: the
// parent may not reach into the frame.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var rank = { error: 3, warning: 2, info: 1 };
  var host = window.parent && window.parent !== window ? window.parent : null;
  var byFile = form.getAttribute("data-order") === "file";
  var at = document.getElementById("nav-at");
  var prevBtn = document.getElementById("prev-f"), nextBtn = document.getElementById("next-f");
  var list = [], cur = -1, curID = "";

  function all(sel, from) { return Array.prototype.slice.call((from || document).querySelectorAll(sel)); }
  function sevOf(e) { return rank[e.getAttribute("data-sev")] || 0; }
  function visible(e) { return !e.classList.contains("off"); }

  // The sticky bar's height, for the table head that sticks under it and
  // for the margin every scroll target keeps from the top.
  function measure() {
    var root = document.documentElement;
    root.style.setProperty("--bar-h", form.offsetHeight + "px");
    var head = document.querySelector("table.align thead");
    root.style.setProperty("--head-h", (head ? head.offsetHeight : 0) + "px");
  }

  function state() {
    var s = { sev: "info", off: [], only: document.getElementById("findings-only").checked };
    all("#filters input[name=sev]").forEach(function (i) { if (i.checked) { s.sev = i.value; } });
    all("#filters input[name=cat]").forEach(function (i) { if (!i.checked) { s.off.push(i.value); } });
    return s;
  }

  function setState(s) {
    if (!s || typeof s !== "object") { return; }
    var radios = all("#filters input[name=sev]");
    if (radios.some(function (i) { return i.value === s.sev; })) {
      radios.forEach(function (i) { i.checked = i.value === s.sev; });
    }
    var off = Array.isArray(s.off) ? s.off : [];
    all("#filters input[name=cat]").forEach(function (i) { i.checked = off.indexOf(i.value) < 0; });
    document.getElementById("findings-only").checked = !!s.only;
  }

  function apply() {
    var s = state(), min = rank[s.sev] || 1, off = {};
    s.off.forEach(function (c) { off[c] = true; });
    all("[data-sev]").forEach(function (e) {
      e.classList.toggle("off", sevOf(e) < min || off[e.getAttribute("data-cat")] === true);
    });
    all("tr.frow").forEach(function (r) { r.classList.toggle("off", r.querySelector(".f:not(.off)") === null); });
    all("tbody.pair").forEach(function (b) { b.classList.toggle("hide", s.only && b.querySelector(".f:not(.off)") === null); });
    all("details.flist").forEach(function (d) {
      var rows = all("tr.f", d), n = rows.filter(visible).length, c = d.querySelector(".fcount");
      if (c) { c.textContent = n === rows.length ? String(n) : n + " of " + rows.length + " shown"; }
    });
    // A category's count is of the findings the severity filter lets through.
    all("#filters .n[data-cat]").forEach(function (e) {
      var cat = e.getAttribute("data-cat");
      e.textContent = String(all("table.flist tr.f").filter(function (r) {
        return r.getAttribute("data-cat") === cat && sevOf(r) >= min;
      }).length);
    });
    refresh();
  }

  // The findings shown, in the order the controls go through them: the
  // tables' order, and across documents most severe first (unless the
  // report is in document order).
  function targets() {
    var rows = all("table.flist tr.f").filter(visible).map(function (r, i) { return [r, i]; });
    if (!byFile) {
      rows.sort(function (a, b) { return (sevOf(b[0]) - sevOf(a[0])) || (a[1] - b[1]); });
    }
    return rows.map(function (x) { return x[0]; });
  }

  function describe(row) {
    var sev = row.getAttribute("data-sev"), same = list.filter(function (r) { return r.getAttribute("data-sev") === sev; });
    var msg = row.cells[3] ? row.cells[3].textContent : "";
    return sev + " " + (same.indexOf(row) + 1) + " of " + same.length + ": " + msg;
  }

  // refresh recomputes the list after the filters change, keeping the
  // current finding if it is still shown, and names where the buttons go.
  function refresh() {
    list = targets();
    cur = -1;
    for (var i = 0; i < list.length; i++) {
      if (list[i].getAttribute("data-f") === curID) { cur = i; }
    }
    var next = list.length ? list[(cur + 1) % list.length] : null;
    var prev = list.length ? list[cur <= 0 ? list.length - 1 : cur - 1] : null;
    prevBtn.disabled = nextBtn.disabled = list.length === 0;
    prevBtn.querySelector(".what").textContent = "previous" + (prev ? " " + prev.getAttribute("data-sev") : "");
    nextBtn.querySelector(".what").textContent = "next" + (next ? " " + next.getAttribute("data-sev") : "");
    if (cur < 0) {
      at.textContent = list.length ? list.length + " shown: j / k or the buttons go through them" : "no finding shown";
    }
  }

  function offsetFor(el) {
    var h = form.offsetHeight;
    var table = el.closest ? el.closest("table.align") : null;
    if (table && table.tHead) { h += table.tHead.offsetHeight; }
    return h + 12;
  }

  // reveal scrolls el to just below the sticky bar (and the table head
  // when it is in the aligned text), never under them.
  function reveal(el) {
    var top = el.getBoundingClientRect().top + window.pageYOffset;
    window.scrollTo(0, Math.max(0, top - offsetFor(el)));
  }

  function goTo(k) {
    if (!list.length) { return; }
    cur = (k + list.length) % list.length;
    var row = list[cur], id = row.getAttribute("data-f");
    curID = id;
    all(".current").forEach(function (e) { e.classList.remove("current"); });
    row.classList.add("current");
    var li = document.getElementById(id);
    var marks = all('mark[data-f="' + id + '"]');
    marks.forEach(function (m) { m.classList.add("current"); });
    if (li) { li.classList.add("current"); }
    // the words it highlights, else its paragraph pair (a paragraph with no
    // counterpart), else the finding itself
    var target = marks.filter(visible)[0] || (li && li.closest("tbody.pair")) || li || row;
    reveal(target);
    refresh();
    at.textContent = describe(row);
  }

  function next() { refresh(); goTo(cur + 1); }
  function prev() { refresh(); goTo(cur <= 0 ? list.length - 1 : cur - 1); }

  nextBtn.addEventListener("click", next);
  prevBtn.addEventListener("click", prev);
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) { return; }
    var t = ev.target;
    if (t && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) ||
        t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox")) { return; }
    if (ev.key === "j") { ev.preventDefault(); next(); }
    if (ev.key === "k") { ev.preventDefault(); prev(); }
  });

  // Links inside the page scroll below the bar too; the report may be in
  // an iframe whose address is not its own, so the script moves itself.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (!a || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) { return; }
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    var el = document.getElementById(id);
    if (!el) { return; }
    ev.preventDefault();
    var row = document.querySelector('tr.f[data-f="' + id + '"]');
    if (row && visible(row)) {
      curID = id;
      refresh();
      goTo(cur);
    } else {
      all(".hit").forEach(function (e) { e.classList.remove("hit"); });
      el.classList.add("hit");
      reveal(el);
    }
    try { history.replaceState(null, "", "#" + id); } catch (e) { /* a frame without an address of its own */ }
  });

  form.addEventListener("change", function () {
    apply();
    if (host) { host.postMessage({ aligncheck: "filters", filters: state() }, "*"); }
  });
  window.addEventListener("message", function (ev) {
    if (!host || ev.source !== host || !ev.data || typeof ev.data !== "object") { return; }
    if (ev.data.aligncheck === "filters") {
      setState(ev.data.filters);
      apply();
    }
    if (ev.data.go === "first") {
      curID = "";
      refresh();
      goTo(0);
    }
  });
  window.addEventListener("resize", measure);
  // Printing shows the table of findings whatever was folded.
  window.addEventListener("beforeprint", function () {
    all("details.flist").forEach(function (d) { d.open = true; });
  });
  measure();
  apply();

  // Hovering a sentence lights up its counterpart in the same pair.
  document.addEventListener("mouseover", function (ev) {
    var s = ev.target.closest ? ev.target.closest(".s[data-s]") : null;
    all(".s.hover").forEach(function (e) { e.classList.remove("hover"); });
    if (!s) { return; }
    var pair = s.closest("tbody.pair");
    if (!pair) { return; }
    all('.s[data-s="' + s.getAttribute("data-s") + '"]', pair).forEach(function (e) { e.classList.add("hover"); });
  });
})();
