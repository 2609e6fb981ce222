// The spot-check page: sends the pasted texts to POST /api/check and shows
// the HTML report it answers — the same page as `check --html` writes — in
// an iframe, which it asks to go to its first finding (most severe first:
// an omitted paragraph as much as a highlighted word). The page never
// reaches into the frame (it may be sandboxed): the two talk by
// postMessage. The report says when its filters change and the page gives
// them back to the next report, so a re-check keeps them. An error clears
// the report it would otherwise seem to describe.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("form"), status = $("status"), summary = $("summary");
  const frame = $("report");
  const DEBOUNCE_MS = 600;

  let timer = 0, seq = 0, inflight = null, lastBody = "";
  let filters = null; // the report's filters, as it last told them

  function setStatus(text, isError, detail) {
    status.textContent = text;
    status.className = isError ? "error" : "";
    status.title = detail || "";
  }

  // The API names pasted texts <zh-text>, <en-text> and <text>, and speaks
  // of files; the page speaks of its boxes.
  const BOXES = { "zh-text": "Chinese box", "en-text": "English box", "text": "box" };
  function pageWords(msg) {
    let box = "";
    msg = msg.replace(/<(zh-text|en-text|text)>(?::(\d+))?(?::(\d+))?:\s*/g, (_, name, line, col) => {
      box = BOXES[name] + (line ? ", line " + line + (col ? ", column " + col : "") : "");
      return "";
    });
    msg = msg
      .replace(/\(an interleaved file needs both languages\)/g, "(the box needs both languages, paragraphs alternating)")
      .replace(/\bthe (Chinese|English) file\b/g, "the $1 box")
      .replace(/\bfile\b/g, "text");
    const name = box.split(",")[0];
    if (box && !msg.includes(name === "box" ? "the box" : name)) {
      msg = (name === "box" ? "the box" + box.slice(3) : box) + ": " + msg;
    }
    return msg;
  }

  // Clears the report: after an error, an old report on screen would seem
  // to be the answer.
  function clearReport() {
    frame.hidden = true;
    frame.removeAttribute("srcdoc");
    summary.replaceChildren();
  }

  function shape() {
    return form.querySelector("input[name=shape]:checked").value;
  }

  // selectedChecks is null when every check is on (the server's default).
  function selectedChecks() {
    const boxes = [...$("checks").querySelectorAll("input[type=checkbox]")];
    const on = boxes.filter((b) => b.checked).map((b) => b.value);
    return on.length === boxes.length ? null : on;
  }

  function request() {
    const body = { format: "html", source: $("source").value };
    if (shape() === "one") {
      body.text = $("text").value;
    } else {
      body.zh = $("zh").value;
      body.en = $("en").value;
    }
    const g = $("glossary").value;
    if (!$("glossary-box").hidden && g.trim() !== "") body.glossary = g;
    const list = selectedChecks();
    if (list) body.checks = list;
    return body;
  }

  function ready(body) {
    return body.text !== undefined ? body.text.trim() !== "" : body.zh.trim() !== "" && body.en.trim() !== "";
  }

  async function check(force) {
    clearTimeout(timer);
    const body = request();
    if (!ready(body)) {
      setStatus(shape() === "one" ? "paste both languages in the box" : "paste Chinese and English");
      return;
    }
    if (body.checks && !body.checks.length) {
      setStatus("choose at least one check");
      return;
    }
    const json = JSON.stringify(body);
    if (!force && json === lastBody) return;
    lastBody = json;
    if (inflight) inflight.abort();
    const ctl = new AbortController();
    inflight = ctl;
    const mine = ++seq;
    setStatus("checking…");
    const t0 = performance.now();
    let resp, text;
    try {
      resp = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: json,
        signal: ctl.signal,
      });
      text = await resp.text();
    } catch (e) {
      if (e.name !== "AbortError" && mine === seq) {
        clearReport();
        setStatus("cannot reach the checker: " + e.message, true);
        lastBody = "";
      }
      return;
    }
    if (mine !== seq) return;
    inflight = null;
    if (!resp.ok) {
      let msg = text;
      try { msg = JSON.parse(text).error || text; } catch (_) { /* not JSON */ }
      clearReport();
      setStatus("not checked: " + pageWords(msg), true, "HTTP " + resp.status);
      lastBody = "";
      return;
    }
    let counts = null;
    try { counts = JSON.parse(resp.headers.get("X-Aligncheck-Summary")); } catch (_) { /* absent */ }
    if (counts) showSummary(counts); else summary.replaceChildren();
    frame.hidden = false;
    frame.srcdoc = text;
    setStatus("checked in " + Math.round(performance.now() - t0) + " ms");
  }

  function showSummary(s) {
    summary.replaceChildren();
    const parts = [["error", s.error], ["warning", s.warning], ["info", s.info]];
    if (!s.error && !s.warning && !s.info) {
      summary.textContent = "no findings";
      return;
    }
    parts.forEach(([k, n], i) => {
      if (i) summary.append(", ");
      const span = el("span", n ? "n-" + k : "", n + " " + k + (n === 1 || k === "info" ? "" : "s"));
      summary.append(span);
    });
  }

  // Once a report is in, give it the filters of the last one and ask it to
  // go to its first finding (it scrolls itself; the boxes stay put).
  frame.addEventListener("load", () => {
    if (frame.hidden || !frame.contentWindow) return;
    frame.contentWindow.postMessage({ aligncheck: "filters", filters: filters, go: "first" }, "*");
  });
  window.addEventListener("message", (e) => {
    if (e.source !== frame.contentWindow || !e.data || e.data.aligncheck !== "filters") return;
    filters = e.data.filters;
  });

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function schedule() {
    clearTimeout(timer);
    if ($("live").checked) timer = setTimeout(() => check(false), DEBOUNCE_MS);
  }

  function setShape() {
    const one = shape() === "one";
    $("one").hidden = !one;
    $("two").hidden = one;
    schedule();
  }

  // A tab typed in the glossary separates the two terms.
  $("glossary").addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || e.shiftKey) return;
    e.preventDefault();
    const t = e.target, a = t.selectionStart;
    t.setRangeText("\t", a, t.selectionEnd, "end");
    schedule();
  });

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    check(true);
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      check(true);
    }
  });
  form.addEventListener("input", (e) => {
    if (e.target.name === "shape") setShape();
    else schedule();
  });

  async function init() {
    setStatus("loading…");
    try {
      const resp = await fetch("/api/checks");
      if (!resp.ok) throw new Error(resp.status + " " + resp.statusText);
      const info = await resp.json();
      $("glossary-box").hidden = !info.glossary;
      const box = $("checks");
      for (const c of info.checks) {
        const label = el("label");
        label.title = c.title + " (" + c.category + ", " + c.severity + ")";
        const cb = el("input");
        cb.type = "checkbox";
        cb.value = c.name;
        cb.checked = true;
        label.append(cb, " " + c.name);
        box.append(label);
      }
      setStatus("ready");
    } catch (e) {
      setStatus("cannot reach the server: " + e.message, true);
    }
  }

  init();
})();
