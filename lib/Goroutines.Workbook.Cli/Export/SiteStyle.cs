namespace Goroutines.Workbook.Cli.Export;

/// <summary>The stylesheet of the exported site (inlined in every page: the site needs no other file).</summary>
public static class SiteStyle
{
    public const string Css = """
        :root { --fg:#1d2330; --muted:#5b6474; --line:#dde1e8; --code-bg:#f6f8fa; --accent:#00758f; }
        * { box-sizing: border-box; }
        body { margin:0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:#fff; }
        header.site { border-bottom:1px solid var(--line); padding:.6rem 1.5rem; display:flex; gap:1rem; align-items:baseline; }
        header.site a { color:var(--accent); text-decoration:none; font-weight:600; }
        header.site .nav { margin-left:auto; font-size:.9rem; }
        header.site .nav a { font-weight:400; margin-left:1rem; }
        main { max-width: 980px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
        h1, h2, h3 { line-height:1.25; }
        a { color: var(--accent); }
        .md table, .output table { border-collapse: collapse; margin:.5rem 0; }
        .md th, .md td, .output th, .output td { border:1px solid var(--line); padding:.25rem .6rem; }
        .cell { margin: 1rem 0 1.5rem; }
        .cell-head { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); margin-bottom:.2rem; }
        .cell-head .bad { color:#b42318; font-weight:600; }
        pre { margin:0; overflow-x:auto; font: 13.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        pre.code { background: var(--code-bg); border:1px solid var(--line); border-radius:6px; padding:.7rem .9rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        .outputs { border-left: 3px solid var(--line); margin-top:.4rem; padding-left:.8rem; }
        .output { margin:.35rem 0; overflow-x:auto; }
        pre.stdout, pre.text { white-space: pre-wrap; }
        pre.stderr, pre.error, pre.diagnostics { white-space: pre-wrap; color:#b42318; background:#fef3f2; padding:.4rem .6rem; border-radius:4px; }
        .k { color:#0033b3; } .t { color:#066b5b; } .s { color:#a31515; } .c { color:#6a737d; font-style:italic; } .n { color:#0b7a3e; } .d { color:#7a3e9d; }
        ul.lessons { list-style:none; padding:0; }
        ul.lessons li { border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; margin:.6rem 0; }
        ul.lessons .file { color: var(--muted); font-size:.85rem; }
        ul.lessons .goal { display:inline-block; margin:.3rem 0; }
        .status-ok { color:#067647; } .status-bad { color:#b42318; }
        footer { color: var(--muted); font-size:.85rem; margin-top:3rem; }
        """;
}
