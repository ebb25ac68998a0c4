@testable import ActorNetIO
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

    /// The check every exported text goes through: C0 controls other than tab, LF and CR, and
    /// U+FFFE/U+FFFF, are found (on the bytes, then named by scalar); everything else passes,
    /// neighbours of the forbidden scalars' UTF-8 included.
    @Test func forbiddenScalarsAreFoundOnTheBytes() {
        let cases: [(String, Unicode.Scalar?)] = [
            ("", nil), ("plain id_1", nil), ("a\tb\nc\rd", nil), ("é 日本 \u{FFFD} \u{FFBE} \u{EFBF} 😀", nil),
            ("a\u{1}b", "\u{1}"), ("\u{0}", "\u{0}"), ("x\u{1F}", "\u{1F}"), ("long text then \u{FFFE}", "\u{FFFE}"),
            ("\u{FFFF}", "\u{FFFF}"), ("é\u{8}\u{FFFE}", "\u{8}"), ("\u{7F}", nil),
        ]
        for (text, expected) in cases {
            #expect(XMLText.firstForbidden(in: text) == expected, "\(text.debugDescription)")
        }
    }
}
