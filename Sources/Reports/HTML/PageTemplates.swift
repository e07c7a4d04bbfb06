/// The Mustache templates of `report.html` and `comparison.html`. Every
/// `{{value}}` is HTML-escaped by the template engine; the pages are
/// self-contained (styles and SVG inline, no scripts, fonts or images
/// fetched) and have a print stylesheet in which table rows never split.
enum PageTemplates {
    static let style = """
        <style>
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #2f6f9f; --warn: #b44d12; --soft: #f0f4f8; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.4; font-size: 14px; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        .subtitle { color: var(--muted); margin: 0 0 16px; }
        .stamp { margin: 0 0 4px; font-weight: 600; color: var(--warn); }
        .headline { font-size: 17px; font-weight: bold; margin: 8px 0 4px; }
        .status { margin: 0 0 8px; } .status.proved { color: #1e6b3a; } .status.unproved { color: var(--warn); }
        .warning { color: var(--warn); }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--soft); font-weight: 600; } td.num, th.num { text-align: right; white-space: nowrap; }
        .id { color: var(--muted); font-size: 12px; }
        .meter { display: inline-block; width: 80px; height: 8px; background: var(--line); border-radius: 4px; vertical-align: middle; margin-right: 6px; }
        .meter span { display: block; height: 8px; background: var(--accent); border-radius: 4px; }
        .meter span.full { background: var(--warn); }
        .tag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: var(--soft); }
        .tag.full { background: #fde8d8; color: var(--warn); }
        svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
        svg .axis { stroke: var(--muted); } svg .grid { stroke: var(--line); }
        svg .s0 { fill: #2f6f9f; } svg .s1 { fill: #d9822b; } svg .s2 { fill: #3f8f5a; } svg .s3 { fill: #8e5ea2; } svg .s4 { fill: #b44d12; } svg .s5 { fill: #5b7083; }
        .months { display: block; }
        .month { margin-bottom: 16px; }
        .month table { table-layout: fixed; } .month th { text-align: center; }
        .month td { height: 48px; font-size: 12px; padding: 3px 4px; border: 1px solid var(--line); }
        .talk .room, .talk .kind { color: var(--muted); }
        .month td.talks { background: #eef6fc; }
        .month .day { font-weight: bold; color: var(--muted); }
        .talk { margin-top: 2px; }
        ul.reasons { margin: 4px 0 12px 18px; padding: 0; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        .session-list { display: none; }
        @media print {
          @page { size: letter; margin: 0.55in 0.4in 0.4in; }
          .stamp { font-size: 9px; }
          body { max-width: none; padding: 0; font-size: 8.5px; line-height: 1.25; }
          h1 { font-size: 15px; } h2 { font-size: 12px; margin: 10px 0 4px; padding-bottom: 2px; break-after: avoid; }
          h3 { font-size: 10px; margin: 6px 0 3px; break-after: avoid; }
          .subtitle { margin: 0 0 6px; } .headline { font-size: 11px; margin: 4px 0 2px; } .status { margin: 0 0 4px; }
          p { margin: 3px 0; }
          table { margin: 2px 0 6px; }
          th, td { padding: 1px 4px; }
          .id { font-size: 7.5px; }
          .share { white-space: nowrap; }
          .meter { width: 48px; height: 6px; } .meter span { height: 6px; }
          .chart { width: 240px; height: auto; }
          .fellow-name { white-space: nowrap; }
          .tag { font-size: 7px; padding: 0 4px; }
          tr, .talk, .chart, .month, .session-list li { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          ul.reasons, ul.changes { margin: 2px 0 6px 14px; }
          .months { display: none; }
          .session-list { display: block; columns: 2; column-gap: 18px; margin: 4px 0; padding-left: 18px; }
          .session-list li { margin: 0 0 1px; }
          .session-list .item + .item::before { content: "; "; }
          .session-list .free { color: var(--warn); }
          footer { margin-top: 8px; font-size: 8px; }
          a { color: inherit; text-decoration: none; }
        }
        </style>
        """

    static let chart = """
        <svg class="chart" role="img" aria-label="{{title}}" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" xmlns="http://www.w3.org/2000/svg">
        <title>{{title}}</title>
        {{#ticks}}<line class="grid" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{y}}" y2="{{y}}"/><text x="{{plotLeftLabel}}" y="{{labelY}}" text-anchor="end">{{label}}</text>
        {{/ticks}}<line class="axis" x1="{{plotLeft}}" x2="{{plotLeft}}" y1="{{plotTop}}" y2="{{plotBottom}}"/>
        <line class="axis" x1="{{plotLeft}}" x2="{{plotRight}}" y1="{{plotBottom}}" y2="{{plotBottom}}"/>
        {{#bars}}<rect class="bar s{{series}}" data-label="{{label}}" data-value="{{value}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{label}}: {{value}}</title></rect>
        <text class="bar-value" x="{{labelX}}" y="{{valueY}}" text-anchor="middle">{{value}}</text>
        {{/bars}}{{#groups}}<text class="bar-label" x="{{x}}" y="{{groupLabelY}}" text-anchor="middle">{{label}}</text>
        {{/groups}}<text class="axis-label" x="{{xAxisMid}}" y="{{xAxisY}}" text-anchor="middle">{{xAxisLabel}}</text>
        <text class="axis-label" transform="translate({{yAxisX}},{{yAxisMid}}) rotate(-90)" text-anchor="middle">{{yAxisLabel}}</text>
        {{#hasLegend}}{{#legend}}<rect class="s{{series}}" x="{{x}}" y="{{y}}" width="12" height="12"/><text x="{{textX}}" y="{{textY}}">{{name}}</text>
        {{/legend}}{{/hasLegend}}</svg>
        """

    /// The start of both pages: document head (inline styles) and page header.
    static let head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        {{{style}}}
        {{#pageStamp}}<style>@media print { @page { @top-right { content: {{{.}}}; font-size: 8px; font-weight: 600; color: #b44d12; } } }</style>{{/pageStamp}}
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        {{#stamp}}<p class="stamp">{{.}}</p>{{/stamp}}
        <p class="subtitle">{{subtitle}}</p>
        </header>
        """

    static let report = """
        {{> head}}
        <section id="summary">
        <p class="headline">{{headline}}</p>
        <p class="status {{statusClass}}">{{status}}</p>
        {{#unplaced}}<p class="warning">Unplaced: {{.}}</p>{{/unplaced}}
        {{#ties}}<p class="ties">{{.}}</p>{{/ties}}
        {{#diagnosis}}<p class="warning">{{summary}}</p><ul class="reasons">{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/diagnosis}}
        {{#warnings}}<p class="warning">Warning: {{.}}</p>{{/warnings}}
        </section>
        {{#changes}}
        <section id="changes">
        <h2>What changed since the official match</h2>
        <p>{{headline}}</p>
        {{#parts}}<h3>{{heading}}</h3><ul class="changes">{{#lines}}<li>{{.}}</li>{{/lines}}</ul>
        {{/parts}}
        </section>
        {{/changes}}
        {{#hasPlacement}}
        <section id="ranks">
        <h2>Choices the new fellows got</h2>
        {{#rankChart}}{{> chart}}{{/rankChart}}
        </section>
        <section id="placements">
        <h2>Placements</h2>
        <table>
        <thead><tr><th>Fellow</th><th>Track</th><th>Status</th><th>Lab</th><th>Mentor</th><th class="num">Choice</th>{{^public}}<th>Citizenship</th><th class="num">External</th><th>Funding</th>{{/public}}</tr></thead>
        <tbody>
        {{{placementRows}}}</tbody>
        </table>
        </section>
        <section id="not-first">
        <h2>Fellows not at their first choice</h2>
        {{#notFirstSummary}}<p>{{.}}</p>{{/notFirstSummary}}
        {{#explanations}}<h3>{{heading}}</h3><ul class="reasons">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/explanations}}
        {{#moreExplanations}}<p>{{.}}</p>{{/moreExplanations}}
        </section>
        {{#fairness}}
        <section id="fairness">
        <h2>Is this placement fair?</h2>
        <p>{{#sentences}}{{.}} {{/sentences}}</p>
        {{#hasPairs}}<ul class="reasons">{{#pairs}}<li>{{.}}</li>{{/pairs}}</ul>{{/hasPairs}}
        </section>
        {{/fairness}}
        <section id="loads">
        <h2>Labs and mentors: load against capacity</h2>
        <h3>Labs</h3>
        <table>
        <thead><tr><th>Lab</th><th>Institution</th><th class="num">Continuing</th><th class="num">New</th><th class="num">Capacity</th><th>Load</th></tr></thead>
        <tbody>
        {{{labRows}}}</tbody>
        </table>
        <h3>Mentors</h3>
        <table>
        <thead><tr><th>Mentor</th><th>Lab</th><th class="num">Continuing</th><th class="num">New</th><th class="num">Capacity</th><th>Load</th></tr></thead>
        <tbody>
        {{{mentorRows}}}</tbody>
        </table>
        </section>
        {{^public}}
        <section id="funding">
        <h2>Funding sources: use against budget</h2>
        <table>
        <thead><tr><th>Source</th><th>Restrictions</th><th class="num">Budget</th><th class="num">Used</th><th class="num">Left</th><th>Use</th></tr></thead>
        <tbody>
        {{{budgetRows}}}</tbody>
        </table>
        </section>
        {{#appointments}}
        <section class="appointments">
        <h2>Training grant: {{heading}}</h2>
        <p>{{summary}}</p>
        <table>
        <thead><tr><th>Trainee</th><th>Lab</th><th>Mentor</th><th>Start</th><th class="num">Months</th><th class="num">Stipend from the grant</th><th>Slot</th><th>Supplements</th></tr></thead>
        <tbody>
        {{{rows}}}</tbody>
        </table>
        </section>
        {{/appointments}}
        {{/public}}
        {{/hasPlacement}}
        {{#hasSchedule}}
        <section id="seminars" class="calendar">
        <h2>Seminar series</h2>
        <p>{{scheduleSummary}}</p>
        <div class="months">
        {{{months}}}</div>
        <ol class="session-list">
        {{{sessions}}}</ol>
        </section>
        {{/hasSchedule}}
        {{#scheduleProblem}}<section id="seminars"><h2>Seminar series</h2><p class="warning">{{summary}}</p><ul class="reasons">{{#lines}}<li>{{.}}</li>{{/lines}}</ul></section>{{/scheduleProblem}}
        {{#committees}}<section id="committees"><h2>Thesis committees</h2><p>{{summary}}</p>
        <table><thead><tr><th>Fellow</th><th>Committee</th></tr></thead><tbody>
        {{#rows}}<tr><td>{{fellow}}</td><td>{{members}}</td></tr>
        {{/rows}}</tbody></table>
        {{#problems}}<ul class="reasons">{{#lines}}<li class="warning">{{.}}</li>{{/lines}}</ul>{{/problems}}
        </section>{{/committees}}
        {{#defenses}}<section id="defenses"><h2>Thesis defenses</h2><p>{{summary}}</p>
        <ul class="reasons">{{#lines}}<li>{{.}}</li>{{/lines}}{{#problems}}<li class="warning">{{.}}</li>{{/problems}}</ul>
        </section>{{/defenses}}
        <footer>{{footer}}</footer>
        </body>
        </html>

        """

    static let comparison = """
        {{> head}}
        <section id="scenarios">
        <h2>Scenarios</h2>
        <ul>{{#scenarios}}<li><strong>{{label}}</strong>{{#isBase}} (base){{/isBase}}: {{description}}</li>{{/scenarios}}</ul>
        </section>
        <section id="measures">
        <h2>Side by side</h2>
        <table>
        <thead><tr><th>Measure</th>{{#scenarios}}<th class="num">{{label}}</th>{{/scenarios}}</tr></thead>
        <tbody>
        {{#measures}}{{#heading}}<tr><th colspan="{{span}}">{{name}}</th></tr>{{/heading}}{{^heading}}<tr><td>{{shown}}</td>{{#values}}<td class="num">{{.}}</td>{{/values}}</tr>{{/heading}}
        {{/measures}}</tbody>
        </table>
        </section>
        <section id="ranks">
        <h2>Choices the new fellows got, by scenario</h2>
        {{#rankChart}}{{> chart}}{{/rankChart}}
        </section>
        <section id="moves">
        <h2>Who moves, and whose funding changes</h2>
        {{#whatIfs}}<h3>{{label}}</h3>
        {{^moves}}<p>{{none}}</p>{{/moves}}
        {{#hasMoves}}<table><thead><tr><th>Fellow</th><th>In the base</th><th>In {{label}}</th><th class="num">Choice</th>{{#showFunding}}<th>Funding</th>{{/showFunding}}</tr></thead><tbody>
        {{#moves}}<tr><td>{{fellow}}</td><td>{{before}}</td><td>{{after}}</td><td class="num">{{rank}}</td>{{#showFunding}}<td>{{funding}}</td>{{/showFunding}}</tr>
        {{/moves}}</tbody></table>{{/hasMoves}}
        {{#hasCommittees}}<p>Thesis committees that change:</p><ul>{{#committees}}<li>{{line}}</li>{{/committees}}</ul>{{/hasCommittees}}
        {{/whatIfs}}
        </section>
        <footer>{{footer}}</footer>
        </body>
        </html>

        """
}
