import ActorNetIO
import Testing

/// The one escaper (`XMLEscape`) behind the SVG charts and the HTML page; their own tests check
/// that both outputs are unchanged byte for byte.
@Suite struct XMLEscapeTests {
    @Test func oneEscaperWithItsChoices() {
        let text = "a&b<c>d\"e'f\tg\nh\ri\u{7}j\u{FFFE}k é"
        #expect(XMLEscape.text(text) == "a&amp;b&lt;c&gt;d&quot;e&apos;f\tg\nh\ri\u{7}j\u{FFFE}k é")
        #expect(XMLEscape.text(text, lineBreaks: .asSpace, forbidden: .replaced)
            == "a&amp;b&lt;c&gt;d&quot;e&apos;f g h i\u{FFFD}j\u{FFFD}k é")
        #expect(XMLEscape.text(text, apostrophe: .numeric).contains("e&#39;f"))
        #expect(XMLEscape.text("") == "")
    }
}
