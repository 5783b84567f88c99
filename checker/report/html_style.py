"""The HTML report's stylesheet, kept apart from the markup that uses it."""

STYLESHEET = """
:root { --fg:#1f2328; --muted:#59636e; --bg:#ffffff; --panel:#f6f8fa; --line:#d1d9e0;
  --error:#b42318; --error-bg:#fde4e1; --warning:#9a6700; --warning-bg:#fff1c2;
  --info:#0b5cad; --info-bg:#dcecff; }
@media (prefers-color-scheme: dark) {
  :root { --fg:#e6edf3; --muted:#9198a1; --bg:#0d1117; --panel:#151b23; --line:#3d444d;
    --error:#ff8f85; --error-bg:#4a1d1a; --warning:#e3b341; --warning-bg:#3d3012;
    --info:#79b8ff; --info-bg:#132c4a; }
}
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:var(--bg);
  font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { padding: 1.2rem 2rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header h1 { margin:0; font-size:1.3rem; }
.verdict { margin:.2rem 0 0; color:var(--muted); }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
h2 { font-size:1.1rem; margin:2rem 0 .6rem; }
.tables { display:flex; gap:2rem; flex-wrap:wrap; align-items:flex-start; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
caption { text-align:left; font-weight:600; padding-bottom:.3rem; }
th, td { text-align:left; vertical-align:top; padding:.3rem .6rem; border-bottom:1px solid var(--line); }
.counts th { font-weight:normal; color:var(--muted); }
.counts td { text-align:right; font-variant-numeric: tabular-nums; }
table.findings { width:100%; font-size:.92rem; }
table.findings thead th { background:var(--panel); }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:.85em; color:var(--muted);
  overflow-wrap:anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:.88em; }
.badge { display:inline-block; padding:0 .45rem; border-radius:1rem; font-size:.8rem; font-weight:600;
  text-transform:uppercase; letter-spacing:.03em; }
.badge.error { color:var(--error); background:var(--error-bg); }
.badge.warning { color:var(--warning); background:var(--warning-bg); }
.badge.info { color:var(--info); background:var(--info-bg); }
.document h2 { display:flex; justify-content:space-between; gap:1rem; border-bottom:2px solid var(--line);
  padding-bottom:.3rem; }
.document .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap:anywhere; }
.document .status { color:var(--muted); font-weight:normal; font-size:.9rem; white-space:nowrap; }
.partial { color:var(--muted); font-style:italic; }
.text { font-family: Georgia, "Times New Roman", serif; font-size:1.05rem; }
.row { display:flex; gap:.8rem; }
.ln { flex:0 0 2.5rem; text-align:right; color:var(--muted); font: .75rem/2.2 ui-monospace, Menlo, monospace;
  user-select:none; }
.tx { flex:1; white-space:pre-wrap; overflow-wrap:anywhere; min-height:1.55em; }
.gap .ln { line-height:1.2; }
mark { color:inherit; padding:.05em .1em; border-radius:.2em; }
mark.error { background:var(--error-bg); box-shadow: inset 0 -2px 0 var(--error); }
mark.warning { background:var(--warning-bg); box-shadow: inset 0 -2px 0 var(--warning); }
mark.info { background:var(--info-bg); box-shadow: inset 0 -2px 0 var(--info); }
sup.ref a { text-decoration:none; font: 600 .7rem ui-monospace, Menlo, monospace; padding:0 .15rem; }
sup.ref.error a { color:var(--error); }
sup.ref.warning a { color:var(--warning); }
sup.ref.info a { color:var(--info); }
aside.note { margin:.5rem 0 1rem 3.3rem; padding:.6rem .9rem; border-left:4px solid var(--line);
  background:var(--panel); border-radius:0 .4rem .4rem 0; font: .95rem/1.5 -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
aside.note.error { border-left-color:var(--error); }
aside.note.warning { border-left-color:var(--warning); }
aside.note.info { border-left-color:var(--info); }
aside.note p { margin:.2rem 0; }
aside.note .head { color:var(--muted); font-size:.85rem; }
aside.note .num { font-weight:700; text-decoration:none; color:inherit; }
aside.note .message { font-weight:600; }
aside.note .fix ins { text-decoration:none; background:#dafbe1; color:#116329; padding:0 .25rem; border-radius:.2rem; }
@media (prefers-color-scheme: dark) { aside.note .fix ins { background:#12361f; color:#7ee2a8; } }
aside.note .label { color:var(--muted); }
ul.evidence { margin:.3rem 0 0; padding-left:1.1rem; font-size:.88rem; color:var(--muted); }
.prose { font-family: Georgia, "Times New Roman", "Noto Serif CJK SC", serif; font-size:1.05rem; }
.prose .para { white-space:pre-line; overflow-wrap:anywhere; margin:.6rem 0; }
.asof { color:var(--muted); margin:.2rem 0 .8rem; } .asof .label { font-weight:600; }
.asof.undated { font-style:italic; }
table.rules { width:100%; font-size:.92rem; } table.rules td { font-variant-numeric: tabular-nums; }
.filters fieldset { display:inline-flex; flex-wrap:wrap; gap:.3rem 1rem; border:1px solid var(--line);
  border-radius:.4rem; margin:0 1rem .6rem 0; padding:.4rem .8rem; }
.filters legend { font-weight:600; padding:0 .3rem; } .filters label { white-space:nowrap; cursor:pointer; }
.clean-list { list-style:none; padding:0; margin:0; font-size:.92rem; }
.clean-doc { padding:.15rem 0; border-bottom:1px solid var(--line); color:var(--muted); }
.clean-doc .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color:var(--fg); }
aside.note .rule { font-size:.85rem; color:var(--muted); }
:target { scroll-margin-top: 1rem; }
aside.note:target { outline:2px solid var(--line); }
@media print { aside.note { break-inside: avoid; } .filters { display:none; } }
"""


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ") + '"'


def filter_css(rule_ids: list[str]) -> str:
    """What the filter checkboxes hide: notes, summary rows and marks of an unticked severity or rule."""
    rules = []
    for severity in ("error", "warning", "info"):
        off = f"body:has(#show-{severity}:not(:checked))"
        rules.append(f"{off} aside.note.{severity}, {off} table.findings tr.{severity} {{ display:none; }}")
        rules.append(f"{off} mark.{severity} {{ background:none; box-shadow:none; }}")
        rules.append(f"{off} sup.ref.{severity} {{ display:none; }}")
    for number, rule in enumerate(rule_ids, start=1):
        off = f"body:has(#show-rule-{number}:not(:checked))"
        quoted = _css_string(rule)
        rules.append(f"{off} aside.note[data-rule={quoted}], {off} table.findings tr[data-rule={quoted}] "
                     "{ display:none; }")
        rules.append(f"{off} mark[data-rules={quoted}] {{ background:none; box-shadow:none; }}")
    return "\n" + "\n".join(rules) + "\n"
