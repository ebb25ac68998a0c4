import CLibXML2

/// The libxml2 ActorNet is built against (for `actornet --version` and bug reports).
public enum LibXML2 {
    public static var version: String {
        // Checks that the loaded library is compatible with the headers (aborts with libxml2's
        // own message otherwise, before any XML is read).
        xmlCheckVersion(LIBXML_VERSION)
        return LIBXML_DOTTED_VERSION
    }
}
