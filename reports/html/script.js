// Filters for the aligncheck report. Without this script every finding is
// shown; with it, findings can be narrowed by severity and category, and the
// aligned text can be cut down to the pairs that still show a finding.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  function each(sel, fn) { Array.prototype.forEach.call(document.querySelectorAll(sel), fn); }
  function apply() {
    var sev = "all";
    each("#filters input[name=sev]", function (i) { if (i.checked) { sev = i.value; } });
    var cats = {};
    each("#filters input[name=cat]", function (i) { cats[i.value] = i.checked; });
    var only = document.getElementById("findings-only").checked;
    each("[data-sev]", function (e) {
      var on = (sev === "all" || e.getAttribute("data-sev") === sev) && cats[e.getAttribute("data-cat")] !== false;
      e.classList.toggle("off", !on);
    });
    each("tr.frow", function (r) {
      r.classList.toggle("off", r.querySelector(".f:not(.off)") === null);
    });
    each("tbody.pair", function (b) {
      b.classList.toggle("hide", only && b.querySelector(".f:not(.off)") === null);
    });
  }
  form.addEventListener("change", apply);
  apply();
  // Hovering a sentence lights up its counterpart in the same pair.
  document.addEventListener("mouseover", function (ev) {
    var s = ev.target.closest ? ev.target.closest(".s[data-s]") : null;
    each(".s.hover", function (e) { e.classList.remove("hover"); });
    if (!s) { return; }
    var pair = s.closest("tbody.pair");
    if (!pair) { return; }
    Array.prototype.forEach.call(pair.querySelectorAll('.s[data-s="' + s.getAttribute("data-s") + '"]'), function (e) {
      e.classList.add("hover");
    });
  });
})();
