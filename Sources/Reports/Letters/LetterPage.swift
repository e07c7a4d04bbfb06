import Domain

/// A ``PlacementLetter`` as a page to print or attach (`letters/NAME.html`):
/// self-contained, the report's styles (``PageTemplates/style``) and a
/// narrower measure for a letter; every value HTML-escaped.
public enum LetterPage {
    static let template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{subject}}</title>
        {{{style}}}
        <style>
        article.letter { max-width: 720px; margin: 0 auto; }
        article.letter ul { margin: 4px 0 12px 18px; padding: 0; }
        .letterhead { color: var(--muted); margin: 0 0 24px; }
        .recipient { margin: 0 0 16px; }
        </style>
        </head>
        <body>
        <article class="letter">
        <p class="letterhead">{{program}}<br>{{date}}</p>
        <p class="recipient">{{name}}{{#email}}<br>{{.}}{{/email}}</p>
        <h1>{{subject}}</h1>
        <p>{{greeting}}</p>
        <p>{{opening}}</p>
        {{#sections}}<section>
        <h2>{{heading}}</h2>
        <ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul>
        </section>
        {{/sections}}{{#closing}}<p>{{.}}</p>
        {{/closing}}<footer>{{footer}}</footer>
        </article>
        </body>
        </html>

        """

    /// The page, written directly (a letter per person: the template engine's
    /// dictionary contexts cost more than the rest of the letters). The
    /// markup is ``template``'s, the one the engine rendered; every value is
    /// escaped as the engine escapes it.
    public static func render(_ letter: PlacementLetter, reference: String) -> String {
        func e(_ text: String) -> String { TableRows.escape(text) }
        var html = head + e(letter.subject) + "</title>\n" + PageTemplates.style + "\n" + styleAndBody
        html += "<p class=\"letterhead\">" + e(letter.program) + "<br>" + e(letter.date) + "</p>\n"
        html += "<p class=\"recipient\">" + e(letter.name) + (letter.email.map { "<br>" + e($0) } ?? "") + "</p>\n"
        html += "<h1>" + e(letter.subject) + "</h1>\n<p>" + e(letter.greeting) + "</p>\n<p>" + e(letter.opening)
        html += "</p>\n"
        for section in letter.sections {
            html += "<section>\n<h2>" + e(section.heading) + "</h2>\n<ul>"
            for line in section.lines { html += "<li>" + e(line) + "</li>" }
            html += "</ul>\n</section>\n"
        }
        for line in letter.closing { html += "<p>" + e(line) + "</p>\n" }
        html += "<footer>" + e(reference) + "</footer>\n</article>\n</body>\n</html>\n"
        return html
    }

    /// ``template`` up to the title's text.
    static let head = String(template[..<template.range(of: "{{subject}}")!.lowerBound])
    /// ``template`` from the style element after the report's styles to the letterhead.
    static let styleAndBody = String(
        template[
            template.range(of: "{{{style}}}\n")!.upperBound..<template.range(of: "<p class=\"letterhead\">")!.lowerBound
        ])
}
