// figcheck serve: check the article as the editor types, mark every checked figure, offer fixes.
// No third-party code; talks only to the server that served it.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const article = $("article"), view = $("view"), list = $("findings"), status = $("status");
  const dateInput = $("date"), kindSelect = $("kind"), fileInput = $("file"), dateUsed = $("date-used");
  const DEBOUNCE_MS = 350;
  let timer = null, sequence = 0, current = null, dateSource = null, importedDate = null;

  const WORDS = {
    en: { error: "Error", warning: "Warning", info: "Note", unchecked: "Not checked", fix: "Use",
          fixLabel: "Apply fix: ", checking: "Checking…", ok: "checked and right", none: "No problems found.",
          summary: (s, ok, un) => `${s.error} wrong, ${s.warning} doubtful, ${s.info} notes; ` +
                                  `${ok} figure(s) checked and right, ${un} not checked.`,
          dated: "Checked as of ", undated: "No date known: figures are checked against the last year of rates. Set the article's date above.",
          changed: "The text changed since this fix was offered; checking again.",
          applied: "Fix applied: ", article: "Article", open: "Open a file", date: "Article date", format: "Format",
          marked: "The article with its figures marked", findings: "Findings",
          tagline: "check the figures in an article before it runs", wrong: "wrong", doubtful: "doubtful" },
    zh: { error: "错误", warning: "存疑", info: "提示", unchecked: "未检查", fix: "改为",
          fixLabel: "应用修改：", checking: "正在检查…", ok: "已核对，无误", none: "未发现问题。",
          summary: (s, ok, un) => `${s.error} 处错误，${s.warning} 处存疑，${s.info} 条提示；` +
                                  `${ok} 个数字已核对无误，${un} 个未检查。`,
          dated: "核对日期：", undated: "日期未知：按汇率表最近一年核对。请在上方填写文章日期。",
          changed: "文本已改动，正在重新检查。", applied: "已修改：", article: "文章", open: "打开文件",
          date: "文章日期", format: "格式", marked: "标出数字的文章", findings: "检查结果",
          tagline: "在文章发表前核对其中的数字", wrong: "错误", doubtful: "存疑" },
  };
  let words = WORDS.en;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    clearTimeout(timer);
    const text = article.value, mine = ++sequence;
    if (!text.trim()) { current = null; view.textContent = ""; list.textContent = ""; status.textContent = ""; return; }
    status.textContent = words.checking;
    const body = { text, kind: kindSelect.value, date: dateInput.value || null };
    if (dateSource && dateInput.value && dateInput.value === importedDate) body.date_source = dateSource;
    let result;
    try {
      const response = await fetch("/api/check", { method: "POST", headers: { "content-type": "application/json" },
                                                   body: JSON.stringify(body) });
      result = await response.json();
      if (!response.ok) throw new Error(result.error || response.statusText);
    } catch (error) {
      if (mine === sequence) status.textContent = String(error.message || error);
      return;
    }
    if (mine !== sequence) return;  // a newer check is on its way
    current = { text, result };
    render(text, result);
  }

  function setLanguage(language) {
    words = WORDS[language] || WORDS.en;
    document.documentElement.lang = language === "zh" ? "zh" : "en";
    document.querySelectorAll("[data-i18n]").forEach((node) => {
      const key = node.getAttribute("data-i18n");
      if (words[key]) node.textContent = words[key];
    });
  }

  function spansOf(result) {
    const rank = { error: 4, warning: 3, info: 2 };
    const spans = result.findings.map((f, i) => ({ start: f.start, end: f.end, index: i,
      cls: f.unchecked ? "unchecked" : "sev-" + f.severity, rank: f.unchecked ? 1 : rank[f.severity] }));
    result.checked.forEach((c) => spans.push({ start: c.start, end: c.end, cls: "ok", rank: 0 }));
    spans.sort((a, b) => b.rank - a.rank || a.start - b.start);
    const kept = [];
    for (const span of spans) {
      if (span.end > span.start && !kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
    }
    return kept.sort((a, b) => a.start - b.start);
  }

  function render(text, result) {
    setLanguage(result.language);
    view.textContent = "";
    let cursor = 0;
    for (const span of spansOf(result)) {
      view.appendChild(document.createTextNode(text.slice(cursor, span.start)));
      const part = text.slice(span.start, span.end);
      let node;
      if (span.index === undefined) {
        node = document.createElement("span");
        node.className = "ok";
        node.title = words.ok;
        node.setAttribute("aria-label", part + ": " + words.ok);
      } else {
        const f = result.findings[span.index];
        node = document.createElement("mark");
        node.className = span.cls;
        node.id = "mark-" + span.index;
        node.tabIndex = 0;
        node.title = f.message;
        node.setAttribute("aria-describedby", "finding-" + span.index);
        node.dataset.finding = String(span.index);
      }
      node.textContent = part;
      view.appendChild(node);
      cursor = span.end;
    }
    view.appendChild(document.createTextNode(text.slice(cursor)));
    renderFindings(result);
    const s = result.summary;
    status.textContent = result.findings.length ? words.summary(s, result.checked.length, result.unchecked)
                                                : words.none + " " + words.summary(s, result.checked.length, 0);
    dateUsed.textContent = result.date ? words.dated + result.date_words : words.undated;
  }

  function renderFindings(result) {
    list.textContent = "";
    list.lang = result.language;
    result.findings.forEach((f, i) => {
      const item = document.createElement("li");
      item.className = "finding sev-" + f.severity + (f.unchecked ? " unchecked-finding" : "");
      item.id = "finding-" + i;
      item.tabIndex = -1;
      const heading = document.createElement("h3");
      const sev = document.createElement("span");
      sev.className = "sev";
      sev.textContent = f.unchecked ? words.unchecked : words[f.severity];
      const rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = " " + f.rule + " · " + f.text;
      heading.append(sev, rule);
      const message = document.createElement("p");
      message.className = "message";
      message.textContent = f.message;
      item.append(heading, message);
      if (f.evidence) {
        const evidence = document.createElement("p");
        evidence.className = "evidence";
        evidence.textContent = f.evidence;
        item.append(evidence);
      }
      if (f.fixes.length) {
        const fixes = document.createElement("div");
        fixes.className = "fixes";
        f.fixes.forEach((fix, j) => {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "fix";
          button.textContent = words.fix + " “" + fix.label + "”";
          button.setAttribute("aria-label", words.fixLabel + fix.label);
          button.addEventListener("click", () => applyFix(i, j));
          fixes.append(button);
        });
        item.append(fixes);
      }
      list.append(item);
    });
  }

  function applyFix(i, j) {
    if (!current) return;
    const f = current.result.findings[i], fix = f.fixes[j], value = article.value;
    if (value !== current.text || value.slice(f.start, f.end) !== f.text) {
      status.textContent = words.changed;
      check();
      return;
    }
    article.value = value.slice(0, f.start) + fix.replacement + value.slice(f.end);
    article.setSelectionRange(f.start, f.start + fix.replacement.length);
    status.textContent = words.applied + fix.label;
    check();
  }

  function showFinding(event) {
    const mark = event.target.closest("mark[data-finding]");
    if (!mark) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    const item = $("finding-" + mark.dataset.finding);
    if (item) { item.scrollIntoView({ block: "nearest" }); item.focus(); }
  }

  async function importFile(file, name) {
    const response = await fetch("/api/import?name=" + encodeURIComponent(name), { method: "POST", body: file });
    const result = await response.json();
    if (!response.ok) { status.textContent = result.error || response.statusText; return; }
    article.value = result.text;
    kindSelect.value = result.kind;
    importedDate = result.date;
    dateSource = result.date ? result.date_source : null;
    if (result.date) dateInput.value = result.date;
    check();
  }

  article.addEventListener("input", schedule);
  article.addEventListener("paste", (event) => {
    const pasted = event.clipboardData && event.clipboardData.getData("text/plain");
    if (pasted && /^\s*<(!doctype|html|article|body|div|p|h[1-6])[\s>]/i.test(pasted) && /<\/\w+>/.test(pasted)) {
      event.preventDefault();  // raw HTML: check its prose, not its markup
      importFile(new Blob([pasted], { type: "text/html" }), "pasted.html");
    }
  });
  dateInput.addEventListener("change", check);
  kindSelect.addEventListener("change", check);
  fileInput.addEventListener("change", () => { if (fileInput.files[0]) importFile(fileInput.files[0], fileInput.files[0].name); });
  view.addEventListener("click", showFinding);
  view.addEventListener("keydown", showFinding);
  window.figcheck = { check };  // for scripts and tests: check now, without waiting for the debounce
})();
