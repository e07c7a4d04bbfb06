/// The Mustache templates of the web office's pages. Every `{{value}}` is
/// HTML-escaped by the template engine; only `{{{body}}}` and
/// `{{{stylesheet}}}` are not, and they hold this module's own rendered
/// HTML. Pages work without JavaScript (there is none), fit a phone's
/// width, and print without their forms.
enum WebTemplates {
    static let extraStyle = """
        <style>
        nav.top { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; border-bottom: 2px solid var(--line); padding-bottom: 8px; margin-bottom: 16px; }
        nav.top .who { margin-left: auto; color: var(--muted); }
        form.inline { display: inline; }
        button, input[type=submit] { font: inherit; padding: 4px 12px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
        button.plain { background: #fff; color: var(--accent); }
        input[type=text], input[type=password] { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; max-width: 100%; }
        label { display: block; margin: 8px 0 2px; font-weight: 600; }
        .box { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0 16px; }
        .notice { background: #eef6fc; border-left: 4px solid var(--accent); padding: 6px 10px; margin: 8px 0; }
        .problem { background: #fdf1ea; border-left: 4px solid var(--warn); padding: 6px 10px; margin: 8px 0; }
        pre { white-space: pre-wrap; background: var(--soft); padding: 8px; border-radius: 4px; overflow-x: auto; }
        .scroll { overflow-x: auto; }
        ul.files { columns: 2; }
        @media (max-width: 700px) { body { padding: 10px; } ul.files { columns: 1; } td, th { padding: 3px 4px; } }
        @media print { nav.top, form, .noprint { display: none; } }
        </style>
        """

    static let layout = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <title>{{title}} · FellowMatch</title>
        {{{stylesheet}}}
        </head><body>
        {{#coordinator}}<nav class="top" aria-label="Main"><a href="/">Programs</a>{{#program}}<a href="/p/{{programPath}}">{{program}}</a>{{/program}}
        <span class="who">Signed in as {{coordinator}}</span>
        <form class="inline" method="post" action="/logout"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="plain" type="submit">Sign out</button></form></nav>{{/coordinator}}
        <main>
        {{{body}}}
        </main>
        <footer>FellowMatch {{version}}</footer>
        </body></html>
        """

    static let login = """
        <h1>FellowMatch program office</h1>
        <p class="subtitle">Sign in with the coordinator account set up with <code>fellowmatch user add</code>.</p>
        {{#message}}<p class="problem" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="/login" class="box">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="name">Name</label><input type="text" id="name" name="name" autocomplete="username" value="{{name}}" required>
        <label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
        <p><button type="submit">Sign in</button></p>
        </form>
        """

    static let programs = """
        <h1>Programs</h1>
        <p class="subtitle">The scenario folders and workbooks in {{folder}}.</p>
        {{^programs}}<p class="problem">There is no program here yet: a scenario folder (with scenario.toml) or a workbook (.xlsx) directly in {{folder}} appears here. <code>fellowmatch new</code> or <code>fellowmatch workbook template</code> makes one.</p>{{/programs}}
        {{#hasPrograms}}<div class="scroll"><table><thead><tr><th>Program</th><th>Kind</th><th>What-ifs</th></tr></thead><tbody>
        {{#programs}}<tr><td><a href="/p/{{path}}">{{id}}</a></td><td>{{kind}}</td><td class="num">{{whatIfs}}</td></tr>
        {{/programs}}</tbody></table></div>{{/hasPrograms}}
        """

    static let intake = """
        <h1>{{name}}</h1>
        <p class="subtitle">{{id}}{{#intake}} · intake {{intake}}{{/intake}}</p>
        {{#flash}}<p class="notice" role="status">{{flash}}</p>{{/flash}}
        {{#flashProblem}}<p class="problem" role="alert">{{flashProblem}}</p>{{/flashProblem}}
        <h2>Where the intake stands</h2>
        <ul>{{#stages}}<li><strong>{{stage}}:</strong> {{text}}</li>{{/stages}}</ul>

        <h2>Preference round</h2>
        {{#round}}<p>{{summary}}</p>
        {{#open}}<form method="post" action="/p/{{path}}/round/extend" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="extend">New deadline</label><input type="date" id="extend" name="deadline" value="{{deadline}}" required> <button type="submit" class="plain">Move the deadline</button></form>
        <div class="scroll"><table><thead><tr><th>Who</th><th>Ranks</th><th>Ranking</th><th>On their behalf</th><th>Link</th></tr></thead><tbody>
        {{#people}}<tr><td>{{name}}</td><td>{{ranks}}</td><td>{{state}}</td><td><a href="/p/{{path}}/round/person/{{personPath}}">enter or correct</a></td>
        <td><form method="post" action="/p/{{path}}/round/reissue"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="person" value="{{person}}"><button type="submit" class="plain">New link</button></form></td></tr>
        {{/people}}</tbody></table></div>
        <form method="post" action="/p/{{path}}/round/close"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button type="submit">Close the round and write the preference files</button> <span class="id">certified rankings are written to preferences.csv and mentor_preferences.csv; the links stop working</span></form>{{/open}}{{/round}}
        {{^roundOpen}}<form method="post" action="/p/{{path}}/round/open" class="box"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="deadline">Open a preference round until (the end of)</label><input type="date" id="deadline" name="deadline" required>
        <p class="id">Every new fellow and every mentor gets a personal link to rank online; the links are shown once, to send.</p>
        <button type="submit">Open the round</button></form>{{/roundOpen}}

        <h2>Check</h2>
        {{#hasProblems}}<p class="problem" role="alert">{{problemSummary}}</p>
        <div class="scroll"><table><thead><tr><th>File</th><th class="num">Row</th><th>Column</th><th>Problem</th><th>What to do</th></tr></thead><tbody>
        {{#problems}}<tr><td>{{file}}</td><td class="num">{{line}}</td><td>{{column}}</td><td>{{message}}</td><td>{{hint}}</td></tr>
        {{/problems}}</tbody></table></div>{{/hasProblems}}
        {{#checkSummary}}<p>{{checkSummary}}</p>{{/checkSummary}}
        {{#hasFindings}}<ul>{{#findings}}<li>{{text}}</li>{{/findings}}</ul>{{/hasFindings}}
        {{#moreFindings}}<p>{{moreFindings}}: <a href="/p/{{path}}/check">every finding</a>.</p>{{/moreFindings}}
        {{#checkVerdict}}<p><strong>{{checkVerdict}}</strong></p>{{/checkVerdict}}

        <h2>Run</h2>
        {{#running}}<p class="notice" role="status">{{running}}{{#progress}} {{progress}}{{/progress}} This page refreshes itself.</p>{{/running}}
        {{#waiting}}<p class="notice">{{waiting}}</p>{{/waiting}}
        <form method="post" action="/p/{{path}}/run"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button type="submit">Run the match</button> <span class="id">places every new fellow, splits funding, schedules the seminars, writes the files and records the run</span></form>
        {{#last}}<h3>Latest {{kind}}: {{outcome}} ({{by}}, {{at}})</h3>
        {{#hasProblems}}<ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>{{/hasProblems}}
        <p class="headline">{{#headline}}{{.}} {{/headline}}</p>
        <details><summary>The {{kind}}'s full text</summary><pre>{{#lines}}{{.}}
        {{/lines}}</pre></details>{{/last}}

        {{#hasFiles}}<h2>Files of the latest run</h2>
        <p><a href="/p/{{path}}/files/run/report.html">Open the report</a> · <a href="/p/{{path}}/zip/run">Download every file (zip)</a></p>
        <ul>{{#mainFiles}}<li><a href="/p/{{path}}/files/run/{{file}}">{{file}}</a>: {{what}}</li>{{/mainFiles}}</ul>
        <details><summary>Every file ({{fileCount}})</summary>
        <ul class="files">{{#files}}<li><a href="/p/{{path}}/files/run/{{file}}">{{file}}</a></li>{{/files}}
        {{#folders}}<li>{{folder}}/ ({{count}} files, in the zip)</li>{{/folders}}</ul></details>{{/hasFiles}}

        {{#placementsRun}}<h2>Placements of run {{placementsRun}}</h2>
        <p>{{placementsNote}} <a href="/p/{{path}}/placements">Every placement</a>. A fellow's name opens why they did not get a better-ranked lab.</p>{{/placementsRun}}
        {{#hasPlacements}}
        <div class="scroll"><table><thead><tr><th>Fellow</th><th>Lab</th><th>Mentor</th><th class="num">Rank</th></tr></thead><tbody>
        {{#placements}}<tr><td><a href="/p/{{path}}/explain/{{fellowPath}}">{{fellow}}</a></td><td>{{lab}}</td><td>{{mentor}}</td><td class="num">{{rank}}</td></tr>
        {{/placements}}</tbody></table></div>{{/hasPlacements}}

        <h2>Runs of this intake</h2>
        {{^runs}}<p>No run is recorded yet.</p>{{/runs}}
        {{#hasRuns}}<div class="scroll"><table><thead><tr><th class="num">Run</th><th>Recorded</th><th>Result</th><th>Published</th><th>Compare</th><th>Publish</th></tr></thead><tbody>
        {{#runs}}<tr><td class="num">{{id}}</td><td>{{at}}</td><td>{{result}}</td><td>{{published}}</td>
        <td>{{#diffWith}}<a href="/p/{{path}}/diff?a={{diffWith}}&amp;b={{id}}">changes since run {{diffWith}}</a>{{/diffWith}}</td>
        <td>{{#publishable}}<form method="post" action="/p/{{path}}/publish"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="run" value="{{id}}">
        <label class="id" for="note{{id}}">Note</label><input type="text" id="note{{id}}" name="note" required>
        {{#needsReplace}}<label class="id"><input type="checkbox" name="replace" value="yes"> replaces the official match</label>{{/needsReplace}}
        <button type="submit">Publish run {{id}}</button></form>{{/publishable}}</td></tr>
        {{/runs}}</tbody></table></div>{{/hasRuns}}

        <h2>What-ifs</h2>
        {{^whatIfs}}<p>This program has no what-if (files in its what-if folder).</p>{{/whatIfs}}
        {{#hasWhatIfs}}<form method="post" action="/p/{{path}}/compare"><input type="hidden" name="_csrf" value="{{csrf}}">
        <fieldset><legend>Compare the program with</legend>
        {{#whatIfs}}<label><input type="checkbox" name="whatif" value="{{file}}" checked> {{file}}</label>{{/whatIfs}}
        </fieldset><p><button type="submit">Compare side by side</button></p></form>{{/hasWhatIfs}}
        {{#comparison}}<p><a href="/p/{{path}}/files/compare/comparison.html">Open the latest comparison</a> · <a href="/p/{{path}}/zip/compare">Download it (zip)</a></p>{{/comparison}}

        <h2>Replace the program's files</h2>
        <form method="post" action="/p/{{path}}/upload" enctype="multipart/form-data" class="box">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="files">{{uploadLabel}}</label><input type="file" id="files" name="files" {{#workbook}}accept=".xlsx"{{/workbook}}{{^workbook}}multiple accept=".csv,.toml"{{/workbook}}>
        <p class="id">Checked before anything is replaced: an upload with a problem changes nothing. A replaced file is kept in .replaced/ beside it.</p>
        <p><button type="submit">Upload and check</button></p></form>
        """

    static let placements = """
        <h1>Placements of run {{run}}</h1>
        <p class="subtitle">{{id}} · a fellow's name opens why they did not get a better-ranked lab</p>
        <div class="scroll"><table><thead><tr><th>Fellow</th><th>Lab</th><th>Mentor</th><th class="num">Rank</th></tr></thead><tbody>
        {{#placements}}<tr><td><a href="/p/{{path}}/explain/{{fellowPath}}">{{fellow}}</a></td><td>{{lab}}</td><td>{{mentor}}</td><td class="num">{{rank}}</td></tr>
        {{/placements}}</tbody></table></div>
        <p><a href="/p/{{path}}">Back to {{id}}</a></p>
        """

    static let check = """
        <h1>Every finding of the check</h1>
        <p class="subtitle">{{id}}</p>
        <ul>{{#findings}}<li>{{text}}</li>{{/findings}}</ul>
        <p><a href="/p/{{path}}">Back to {{id}}</a></p>
        """

    static let links = """
        <h1>Personal links</h1>
        <p class="notice" role="status">{{heading}} Copy them now: FellowMatch keeps only a fingerprint of each link, so they cannot be shown again (a new one can be issued).</p>
        <p><a download="round-links.csv" href="{{csvLink}}">Download the links as a CSV file</a> (name, e-mail, link) for a mail merge.</p>
        <div class="scroll"><table><thead><tr><th>Who</th><th>E-mail</th><th>Link</th></tr></thead><tbody>
        {{#links}}<tr><td>{{name}}</td><td>{{email}}</td><td><code class="link">{{link}}</code></td></tr>
        {{/links}}</tbody></table></div>
        <p><a href="/p/{{path}}">Back to {{id}}</a></p>
        """

    static let ranking = """
        <h1>{{heading}}</h1>
        <p class="subtitle">{{program}} · rankings close at the end of {{deadline}}</p>
        {{#onBehalf}}<p class="notice">You are entering this ranking on behalf of {{name}}; it is recorded as entered by you and shown to them.</p>{{/onBehalf}}
        {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
        <p><strong>Your ranking now:</strong> {{state}}</p>
        {{#hasProblems}}<div class="problem" role="alert"><p>Nothing was saved:</p><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
        {{^canSave}}<p class="problem" role="alert">The deadline has passed; ask the program coordinator to move it or to enter your ranking.</p>{{/canSave}}
        {{#fellow}}<h2>Labs you may rank</h2>
        <div class="scroll"><table><thead><tr><th>Lab</th><th>Institution</th><th>Funded areas</th><th>Mentors</th></tr></thead><tbody>
        {{#labs}}<tr><td>{{name}}</td><td>{{institution}}</td><td>{{areas}}</td><td>{{mentors}}</td></tr>
        {{/labs}}</tbody></table></div>
        {{#hasClosedLabs}}<h3>Labs you cannot rank, and why</h3><ul>{{#closedLabs}}<li>{{.}}</li>{{/closedLabs}}</ul>{{/hasClosedLabs}}{{/fellow}}
        {{#mentor}}<h2>Fellows who ranked your lab</h2>
        {{^hasFellows}}<p>No fellow has ranked your lab yet; come back to this link later.</p>{{/hasFellows}}
        {{#hasFellows}}<div class="scroll"><table><thead><tr><th>Fellow</th><th>Track</th><th>Interests</th></tr></thead><tbody>
        {{#fellows}}<tr><td>{{name}}</td><td>{{track}}</td><td>{{interests}}</td></tr>
        {{/fellows}}</tbody></table></div>{{/hasFellows}}{{/mentor}}
        {{#hasBoxes}}<h2>Your ranking</h2>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <p class="id">First choice at the top; leave the boxes you do not need empty (at the end).</p>
        {{#boxes}}<label for="choice{{position}}">Choice {{position}}</label>
        <select id="choice{{position}}" name="choice"><option value="">(no choice)</option>{{#options}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
        {{/boxes}}
        <p><button type="submit" name="action" value="save" class="plain">Save as a draft</button>
        <button type="submit" name="action" value="certify">Certify this ranking</button></p>
        <p class="id">Certifying says this is your final ranking; a change after certifying needs certifying again. Nobody else sees your ranking.</p>
        </form>{{/hasBoxes}}
        {{#backPath}}<p><a href="/p/{{backPath}}">Back to {{program}}</a></p>{{/backPath}}
        """

    static let uploadRefused = """
        <h1>The upload changed nothing</h1>
        <p class="problem" role="alert">{{summary}}</p>
        {{#hasProblems}}<div class="scroll"><table><thead><tr><th>File</th><th class="num">Row</th><th>Column</th><th>Problem</th><th>What to do</th></tr></thead><tbody>
        {{#problems}}<tr><td>{{file}}</td><td class="num">{{line}}</td><td>{{column}}</td><td>{{message}}</td><td>{{hint}}</td></tr>
        {{/problems}}</tbody></table></div>{{/hasProblems}}
        <p><a href="/p/{{path}}">Back to {{id}}</a></p>
        """

    static let lines = """
        <h1>{{heading}}</h1>
        {{#subtitle}}<p class="subtitle">{{subtitle}}</p>{{/subtitle}}
        <pre>{{#lines}}{{.}}
        {{/lines}}</pre>
        <p><a href="/p/{{path}}">Back to {{id}}</a></p>
        """

    static let message = """
        <h1>{{heading}}</h1>
        <p class="problem" role="alert">{{text}}</p>
        <p><a href="/">Back to the programs</a></p>
        """
}
