namespace GradCheck.Reporting.Html;

/// <summary>
/// The page's only style sheet, inlined: the file is attached to a test result and opened anywhere,
/// often offline, so it may load nothing. System fonts only. The rules avoid <c>&amp;</c> and
/// <c>&lt;</c>, which would make the document ill-formed as XML.
/// </summary>
internal static class Stylesheet
{
    /// <summary>The CSS.</summary>
    public const string Css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1d1d1f; background: #ffffff; max-width: 1180px; margin: 20px auto; padding: 0 20px; }
        h1 { font-size: 22px; margin: 0 0 10px; overflow-wrap: anywhere; }
        h2 { font-size: 17px; margin: 0 0 6px; overflow-wrap: anywhere; }
        .verdict { font-size: 16px; font-weight: 600; margin: 0 0 6px; padding: 8px 12px; border-left: 6px solid; border-radius: 4px; }
        .verdict.failed { background: #fdecea; border-color: #e31a1c; color: #8a1010; }
        .verdict.passed { background: #e9f5ec; border-color: #2e8b57; color: #1f5f3b; }
        .summary, .heading, .rule, .note { margin: 4px 0; }
        .rule { color: #555555; font-size: 13px; }
        ul.diagnoses, ul.obstacles { margin: 6px 0; padding-left: 22px; }
        ul.obstacles li { color: #8a1010; }
        a { color: #2456a6; }
        section.tensor { border-top: 1px solid #dddddd; padding: 14px 0 8px; }
        .shape { color: #666666; font-weight: normal; }
        .badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 9px; border-radius: 10px; vertical-align: 2px; }
        .badge.failed { background: #e31a1c; color: #ffffff; }
        .badge.passed { background: #d9efe0; color: #1f5f3b; }
        .diagnosis { margin: 4px 0; }
        .facts { margin: 2px 0 8px; color: #555555; font-size: 13px; }
        .figures { display: flex; flex-wrap: wrap; gap: 28px; align-items: flex-start; }
        figure { margin: 0; }
        figcaption { font-size: 12px; color: #555555; max-width: 420px; margin-top: 2px; }
        svg { display: block; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 10px; fill: #333333; }
        svg .axis-title { font-size: 11px; fill: #222222; }
        svg .identity-label { font-size: 11px; fill: #444444; }
        svg .band-label { fill: #777777; }
        svg .cell:hover, svg .point:hover { stroke: #000000; stroke-width: 1.5px; }
        details.passing { border-top: 1px solid #dddddd; padding: 10px 0; }
        details.passing > summary { cursor: pointer; font-weight: 600; }
        .text-report { border-top: 1px solid #dddddd; padding-top: 10px; }
        pre { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: 10px 12px; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        """;
}
