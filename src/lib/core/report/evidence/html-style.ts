/**
 * The report's only style: inline, as the page's policy allows nothing else. The summary is written after the
 * findings (it is known only at the end) but shown before them: the report is a flex column and `order` moves it.
 */
export const EVIDENCE_CSS = `
:root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6475;--bg:#fff;--line:#d8dce4;--soft:#f4f6f9;--high:#b3261e;--medium:#a15c00;--low:#3f6f2a}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#9aa3b5;--bg:#14171d;--line:#323846;--soft:#1c2029;--high:#ff8a80;--medium:#ffb74d;--low:#a5d68c}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
main{display:flex;flex-direction:column;gap:1.5rem;max-width:1100px;margin:0 auto;padding:1.5rem}
.provenance{order:0}.summary{order:1}.findings{order:2}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}h3{font-size:1rem;margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{color:var(--muted);font-weight:600;white-space:nowrap}
.facts th{width:9rem}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
.lead{font-size:1.05rem}
.muted{color:var(--muted)}
.level{white-space:nowrap;font-weight:700;text-transform:uppercase;font-size:.8em}.high{color:var(--high)}.medium{color:var(--medium)}.low{color:var(--low)}
.exchange{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:.75rem 0;background:var(--soft)}
.exchange ul{margin:.5rem 0 0;padding-left:1.25rem}.paths{margin:.15rem 0 .35rem;padding-left:1.25rem;color:var(--muted)}
.more{font-style:italic;color:var(--muted)}
.flow{max-width:100%;height:auto}.flow text{font-size:12px;fill:var(--fg)}.flow .node{fill:var(--muted)}
.band{fill-opacity:.45}
.c0{fill:#4e79a7}.c1{fill:#f28e2b}.c2{fill:#e15759}.c3{fill:#76b7b2}.c4{fill:#59a14f}.c5{fill:#edc948}.c6{fill:#b07aa1}.c7{fill:#9c755f}
@media print{main{max-width:none}.exchange{break-inside:avoid}}
`;
