public import ActorNetIO
import CLibXML2

/// Validates GraphML against an XML Schema with libxml2's schema validator, offline: the
/// schema's own includes are read from disk and nothing is fetched (`XML_PARSE_NONET`).
///
/// Used by the tests on every export, and usable by a `validate` command; the schema set
/// lives outside the package (see `../shared/data/schema/graphml`).
public enum GraphMLSchemaCheck {
    /// Every schema violation in `bytes`, each with libxml2's message, line and column; empty
    /// when the document is valid. Problems with the schema itself are reported at line 0 of
    /// `schemaPath`.
    public static func validate(bytes: [UInt8], file: String, schemaPath: String) -> [Diagnostic] {
        guard bytes.count <= Int(Int32.max) else {
            return [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                               "the document is \(bytes.count) bytes; libxml2's schema validator takes at most \(Int(Int32.max))")]
        }
        let sink = SchemaMessages()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<SchemaMessages>.fromOpaque(context).takeUnretainedValue()
            let e = error.pointee
            sink.messages.append((e.message.map { String(cString: $0) } ?? "invalid",
                                  e.file.map { String(cString: $0) }, Int(e.line), Int(e.int2)))
        }
        func diagnostics(defaultFile: String) -> [Diagnostic] {
            sink.messages.map { message, source, line, column in
                Diagnostic(.error, at: SourceLocation(file: source ?? defaultFile, line: line, column: max(column, 0)),
                           message.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }

        guard let parser = xmlSchemaNewParserCtxt(schemaPath) else {
            return [Diagnostic(.error, at: SourceLocation(file: schemaPath, line: 0, column: 0), "cannot read the schema")]
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, handler, context)
        guard let schema = xmlSchemaParse(parser) else {
            let found = diagnostics(defaultFile: schemaPath)
            return found.isEmpty
                ? [Diagnostic(.error, at: SourceLocation(file: schemaPath, line: 0, column: 0), "cannot parse the schema")] : found
        }
        defer { xmlSchemaFree(schema) }
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            return [Diagnostic(.error, at: SourceLocation(file: schemaPath, line: 0, column: 0), "cannot create a validator")]
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, handler, context)

        // Well-formedness errors are the reader's business (GraphMLReader reports them with
        // line and column); here they are silenced and summed up as one diagnostic.
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, nil,
                              Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let document else {
            let found = diagnostics(defaultFile: file)
            return found.isEmpty ? [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "not well-formed XML")] : found
        }
        defer { xmlFreeDoc(document) }
        let status = xmlSchemaValidateDoc(validator, document)
        let found = diagnostics(defaultFile: file)
        if status != 0, found.isEmpty {
            return [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "invalid (libxml2 status \(status))")]
        }
        return found
    }
}

private final class SchemaMessages {
    var messages: [(String, String?, Int, Int)] = []
}
