import Domain
import Mustache

/// A ``PlacementLetter`` as a page to print or attach (`letters/NAME.html`):
/// self-contained, the report's styles (``PageTemplates/style``) and a
/// narrower measure for a letter; every value HTML-escaped by the template
/// engine.
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

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        // A constant of this module: a failure here is a bug, caught by the tests.
        try! library.register(template, named: "letter")
        return library
    }()

    public static func render(_ letter: PlacementLetter, reference: String) -> String {
        let context: [String: Any] = [
            "style": PageTemplates.style,
            "program": letter.program,
            "date": letter.date,
            "name": letter.name,
            "email": letter.email.map { [$0] } ?? [],
            "subject": letter.subject,
            "greeting": letter.greeting,
            "opening": letter.opening,
            "sections": letter.sections.map { ["heading": $0.heading, "lines": $0.lines] as [String: Any] },
            "closing": letter.closing,
            "footer": reference
        ]
        return library.render(context, withTemplate: "letter") ?? ""
    }
}
