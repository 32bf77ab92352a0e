/// The style sheet of a rendered plan or report, inlined in the page: no web fonts, no scripts. Reads on
/// a phone (fluid width, tables that stack into cards), prints on A4 (page margins and numbers, each
/// commitment on a new page, table headers repeated on every page).
enum HTMLStyle {
    static let sheet = """
    :root {
      --ink: #1d2430; --muted: #5b6475; --rule: #d5dae3; --accent: #0b5cad; --band: #f3f6fa;
      --cjk: "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", "Source Han Sans TC";
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0 auto; max-width: 52rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
      font: 16px/1.7 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", sans-serif;
    }
    body.wide { max-width: 76rem; }
    :lang(zh-Hant) { font-family: "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC",
      system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    :lang(en) { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
      "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif; }
    .prose p:lang(zh-Hant), .prose li:lang(zh-Hant) { text-align: justify; line-break: strict; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.35; margin: 1.6em 0 .5em; break-after: avoid; page-break-after: avoid;
      break-inside: avoid; page-break-inside: avoid; }
    h1 { font-size: 1.9rem; margin-top: .3em; }
    h2 { font-size: 1.45rem; }
    h3 { font-size: 1.15rem; border-bottom: 1px solid var(--rule); padding-bottom: .2em; }
    h4, h5, h6 { font-size: 1rem; }
    p, ul, ol, blockquote, pre { margin: 0 0 .8em; }
    a { color: var(--accent); overflow-wrap: anywhere; }
    code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
    pre { white-space: pre-wrap; background: var(--band); padding: .6em .8em; border-radius: 4px; }
    blockquote { border-left: 3px solid var(--rule); margin-left: 0; padding-left: 1em; color: var(--muted); }
    .plan-header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
    .eyebrow { color: var(--muted); font-size: .9rem; letter-spacing: .04em; margin: 0; }
    .subtitle { font-size: 1.2rem; color: var(--muted); margin: -.2em 0 .8em; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
    .facts dt { color: var(--muted); }
    .facts dd { margin: 0; }
    .toc ol { padding-left: 1.4em; }
    .toc li { margin: .35em 0; }
    .toc a { text-decoration: none; }
    .toc a:hover .toc-title { text-decoration: underline; }
    .toc .toc-alt { display: block; color: var(--muted); font-size: .9em; }
    .toc .id, .commitment-id { font-variant-numeric: tabular-nums; color: var(--muted); }
    .commitment { border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: .5rem; }
    .commitment > header h2 { margin-top: .8rem; }
    .commitment .alt-title { color: var(--muted); margin-top: -.3em; }
    .language-version + .language-version { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px dashed var(--rule); }
    .intro-version + .intro-version { margin-top: 1rem; padding-top: 1rem; border-top: 1px dashed var(--rule); }
    .language-name { font-size: .85rem; color: var(--muted); letter-spacing: .08em; margin: 1rem 0 .4rem; }
    .fallback { color: var(--muted); }
    .fallback-note { font-size: .8em; color: var(--muted); }
    .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0 0 1rem; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    th, td { border: 1px solid var(--rule); padding: .45em .6em; vertical-align: top; text-align: left; }
    thead th { background: var(--band); }
    table.fields th { width: 30%; background: var(--band); font-weight: 600; }
    table.fields ul { margin: 0; padding-left: 1.1em; }
    td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .contact { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
    .contact dt { color: var(--muted); }
    .contact dd { margin: 0; }
    .summary-table td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .disposition { white-space: nowrap; font-weight: 600; }
    .none-yet { color: #a33a00; font-weight: 600; }
    .earlier { font-size: .85em; color: var(--muted); }
    .input-text { white-space: pre-wrap; }
    .colophon { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .8rem; color: var(--muted); font-size: .85rem; }
    @media screen and (max-width: 40rem) {
      body { padding: 1rem .9rem 2rem; font-size: 15px; }
      h1 { font-size: 1.5rem; }
      h2 { font-size: 1.25rem; }
      .facts, .contact { grid-template-columns: 1fr; }
      .facts dd, .contact dd { margin-bottom: .4rem; }
      table.fields th { width: 36%; }
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
      table.stack tr { border: 1px solid var(--rule); border-radius: 6px; margin-bottom: .8rem; padding: .3rem 0; }
      table.stack td { border: 0; padding: .2em .7em; }
      table.stack td::before { content: attr(data-label); display: block; font-size: .8em; color: var(--muted); }
      table.stack td.number { font-weight: 700; }
      table.stack td.number::before { content: none; }
      table.stack td.date { display: inline-block; width: 49%; }
    }
    @page { size: A4; margin: 20mm 18mm 22mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #5b6475; } }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.6; }
      a { color: inherit; text-decoration: none; }
      .commitment { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
      .language-version + .language-version { break-before: page; page-break-before: always; border-top: 0; }
      thead { display: table-header-group; }
      tr, .contact, .facts { break-inside: avoid; page-break-inside: avoid; }
      .table-wrap { overflow: visible; }
    }
    """
}
