import ActorNetCore
import Foundation

/// Reads Pajek networks (`.net`) and projects (`.paj`) as Pajek, networkx (`read_pajek`),
/// igraph (`Read_Pajek`) and Gephi read them, into a `Network` by way of `ImportBuilder`:
///
///     *Network Padgett's Florentine Families
///     *Vertices 16
///       1 "Acciaiuoli"  0.2024 0.1006  ic Red
///     *Arcs :1 "Business"
///       3 5 1
///     *Edges
///       1 9 -1
///
/// - **Sections.** Keywords are case-insensitive; `%` starts a comment line; CRLF and LF both
///   end lines. `*Network name` names the network. `*Vertices n` (two-mode: `*Vertices n n1`,
///   the first `n1` vertices being mode 1, kept as the attribute `mode`) declares vertices 1…n;
///   vertex lines `id label [x y [z]] [shape] [param value …]` give labels (quoted or not),
///   coordinates (attributes `x`, `y`, `z`), a shape and drawing parameters (`ic Red`,
///   `x_fact 2`, …: attributes by their names). A vertex without a line is an actor named by
///   its number. `*Arcs` (directed) and `*Edges` (undirected) hold lines `u v [weight]
///   [param value …]` (`l` is the relation's label); `*Arcslist`/`*Edgeslist` lines
///   `u v1 v2 …`; `*Matrix` rows whose non-zero entries are arcs (edges in a two-mode network,
///   rows being mode 1). A relation number (`*Arcs :2 "Marital"`) is kept as the attribute
///   `relation` (its label, else its number).
/// - **Signs.** A negative weight is a negative relation of that strength (`ImportBuilder`);
///   a weight of 0 is a relation of no strength, kept (with the network check's warning).
/// - **Identity.** An actor's id is its vertex's label, as networkx reads it, or its number
///   when it has none; when two would share an id, every actor takes its number instead
///   (labels stay the names), with a warning. Ends are vertex numbers; an end that is not a
///   number is taken as a label (networkx allows it). A number beyond `*Vertices` adds an actor,
///   with a warning.
/// - **Projects.** Of a `.paj` project the first network is read; further networks are
///   skipped with a warning. Each `*Partition` and `*Vector` with as many vertices as that
///   network becomes an actor attribute named after it; others, and `*Permutation`,
///   `*Cluster`, `*Hierarchy` and unknown sections, are skipped with a warning.
/// - **Limits.** The file is read whole (at most `InputFile.maximumBytes`); `*Vertices` above
///   `maximumVertices` is refused before anything is allocated; diagnostics are capped as
///   `ImportBuilder` caps them.
public enum PajekReader {
    /// The most vertices a `*Vertices` line may declare (each is an actor, listed or not).
    public static let maximumVertices = 1_000_000

    public static func read(path: String) -> LoadResult {
        InputFile.load(path, expecting: ".net") { read(bytes: $0, file: $1) }
    }

    /// Reads a Pajek network or project from bytes; `file` names it in diagnostics.
    public static func read(bytes: [UInt8], file: String) -> LoadResult {
        let body: ArraySlice<UInt8>
        switch TextInput.utf8(bytes, file: file) {
        case let .failure(d): return LoadResult(network: nil, diagnostics: [d])
        case let .success(b): body = b
        }
        var parse = PajekParse(file: file)
        parse.run(body)
        return parse.finish()
    }

    /// Whether `head` looks like Pajek: its first line that is not blank or a `%` comment starts
    /// with `*network` or `*vertices` (any case).
    static func looksLikePajek(_ head: ArraySlice<UInt8>) -> Bool {
        var body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head
        while !body.isEmpty {
            let end = body.firstIndex(of: 0x0A) ?? body.endIndex
            let line = body[body.startIndex..<end].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            body = end < body.endIndex ? body[(end + 1)...] : []
            guard let first = line.first, first != 0x0D else { continue }
            if first == UInt8(ascii: "%") { continue }
            let word = String(decoding: line.prefix(10), as: UTF8.self).lowercased()
            return word.hasPrefix("*network") || word.hasPrefix("*vertices")
        }
        return false
    }
}

/// One token of a line: its text, its 1-based column and whether it was quoted.
private struct PajekToken {
    var text: String
    var column: Int
    var quoted: Bool
}

private struct PajekParse {
    enum Section {
        case none
        case vertices
        case lines(directed: Bool, relation: ExportTable.Value?, list: Bool)
        case matrix(directed: Bool, relation: ExportTable.Value?)
        /// `*Partition`/`*Vector` before its `*Vertices` line.
        case valuesHeader(name: String, numbers: Bool, at: SourceLocation)
        case values(index: Int)
        case skip
    }

    struct Vertex {
        var label: String?
        var attributes: [(key: String, value: ExportTable.Value)] = []
        var location: SourceLocation
    }

    enum End { case number(Int), label(String) }

    struct Edge {
        var source: End, target: End
        var directed: Bool
        var attributes: [(key: String, value: ExportTable.Value)]
        var location: SourceLocation
    }

    struct Values {
        var name: String
        var numbers: Bool
        var count: Int
        var values: [ExportTable.Value?]
        var location: SourceLocation
    }

    let file: String
    var builder: ImportBuilder
    var section: Section = .none
    var networkName: String?
    var vertexCount: Int?
    var modeOne: Int?
    var vertices: [Int: Vertex] = [:]
    var edges: [Edge] = []
    var valueLists: [Values] = []
    var matrixCell = 0
    var skippingNetwork = false
    var warned: Set<String> = []
    var line = 0

    init(file: String) {
        self.file = file
        builder = ImportBuilder(file: file)
    }

    func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func warnOnce(_ what: String, _ message: String, at location: SourceLocation, fix: String? = nil) {
        guard warned.insert(what).inserted else { return }
        builder.warning(message, at: location, fix: fix)
    }

    /// Splits a line into tokens: runs of non-blanks, or text in double quotes.
    static func tokens(_ line: ArraySlice<UInt8>) -> [PajekToken] {
        var out: [PajekToken] = []
        var i = line.startIndex
        var column = 1
        func advance(_ n: Int = 1) {
            for _ in 0..<n {
                if line[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        while i < line.endIndex {
            let b = line[i]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { advance(); continue }
            let start = column
            if b == UInt8(ascii: "\"") {
                advance()
                let textStart = i
                while i < line.endIndex, line[i] != UInt8(ascii: "\"") { advance() }
                out.append(PajekToken(text: String(decoding: line[textStart..<i], as: UTF8.self), column: start, quoted: true))
                if i < line.endIndex { advance() }
            } else {
                let textStart = i
                while i < line.endIndex, ![0x20, 0x09, 0x0D, 0x0B, 0x0C].contains(line[i]) { advance() }
                out.append(PajekToken(text: String(decoding: line[textStart..<i], as: UTF8.self), column: start, quoted: false))
            }
        }
        return out
    }

    mutating func run(_ body: ArraySlice<UInt8>) {
        var rest = body
        while !rest.isEmpty {
            let end = rest.firstIndex(of: 0x0A) ?? rest.endIndex
            let lineBytes = rest[rest.startIndex..<end]
            rest = end < rest.endIndex ? rest[(end + 1)...] : []
            line += 1
            let first = lineBytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
            guard let first, first != UInt8(ascii: "%") else { continue }
            let tokens = Self.tokens(lineBytes)
            if first == UInt8(ascii: "*") {
                header(tokens, lineBytes)
            } else {
                dataLine(tokens)
            }
        }
    }

    /// The text after the keyword on a header line, unquoted.
    static func rest(_ tokens: [PajekToken], after n: Int) -> String {
        tokens.dropFirst(n).map(\.text).joined(separator: " ")
    }

    /// The relation number and label after `*Arcs`/`*Edges`/`*Matrix`: `:2 "label"`.
    mutating func relation(_ tokens: [PajekToken]) -> ExportTable.Value? {
        guard tokens.count > 1, tokens[1].text.hasPrefix(":"), !tokens[1].quoted else {
            if tokens.count > 1 {
                warnOnce("header \(tokens[0].text)", "'\(Self.rest(tokens, after: 1).prefix(60))' after \(tokens[0].text) is not read",
                         at: at(tokens[1].column), fix: "a relation number is written ':2 \"label\"'")
            }
            return nil
        }
        var labelIndex = 2
        var number = String(tokens[1].text.dropFirst())
        if number.isEmpty, tokens.count > 2 { number = tokens[2].text; labelIndex = 3 }
        if tokens.count > labelIndex { return .string(Self.rest(tokens, after: labelIndex)) }
        if let n = Int(number) { return .long(n) }
        return .string(number)
    }

    mutating func header(_ tokens: [PajekToken], _ lineBytes: ArraySlice<UInt8>) {
        let keyword = tokens[0].text.lowercased()
        let here = at(tokens[0].column)
        if case .matrix = section { checkMatrixComplete(at: here) }
        if case let .values(index) = section, let last = valueLists.last, index < last.count {
            builder.warning("\(last.numbers ? "vector" : "partition") '\(last.name)' has \(index) values for \(last.count) vertices; the rest are missing",
                            at: here, fix: "give one value per vertex")
        }
        if case let .valuesHeader(name, numbers, location) = section {
            guard keyword == "*vertices", tokens.count > 1, let n = Int(tokens[1].text), n >= 0, n <= PajekReader.maximumVertices else {
                builder.warning("\(numbers ? "vector" : "partition") '\(name)' has no '*Vertices n' line; skipped", at: location,
                                fix: "follow *\(numbers ? "Vector" : "Partition") by *Vertices and one value per vertex")
                section = .skip
                header(tokens, lineBytes)
                return
            }
            valueLists.append(Values(name: name, numbers: numbers, count: n, values: [], location: location))
            section = .values(index: 0)
            return
        }
        switch keyword {
        case "*network":
            if vertexCount != nil || skippingNetwork {
                warnOnce("network", "a further network ('\(Self.rest(tokens, after: 1).prefix(60))') is skipped: ActorNet reads the first network of a project",
                         at: here, fix: "save that network in a file of its own to read it")
                skippingNetwork = true
                section = .skip
            } else {
                let name = Self.rest(tokens, after: 1)
                if !name.isEmpty {
                    networkName = name
                    builder.setGraphData(key: "name", value: name, at: here)
                }
            }
        case "*vertices":
            if vertexCount != nil || skippingNetwork {
                warnOnce("network", "a further network (a second *Vertices) is skipped: ActorNet reads the first network of a project",
                         at: here, fix: "save that network in a file of its own to read it")
                skippingNetwork = true
                section = .skip
                return
            }
            guard tokens.count > 1, let n = Int(tokens[1].text), n >= 0 else {
                builder.error("*Vertices needs a number of vertices\(tokens.count > 1 ? ", not '\(tokens[1].text.prefix(40))'" : "")",
                              at: tokens.count > 1 ? at(tokens[1].column) : here, fix: "write *Vertices n, e.g. *Vertices 16")
                vertexCount = 0
                section = .skip
                return
            }
            guard n <= PajekReader.maximumVertices else {
                builder.error("*Vertices \(tokens[1].text) declares more than the \(PajekReader.maximumVertices) vertices ActorNet reads",
                              at: at(tokens[1].column), fix: "split the network, or correct the count")
                vertexCount = 0
                section = .skip
                return
            }
            vertexCount = n
            if tokens.count > 2 {
                if let n1 = Int(tokens[2].text), n1 >= 0, n1 <= n {
                    modeOne = n1
                } else {
                    builder.warning("'\(tokens[2].text.prefix(40))' after *Vertices \(n) is not a number of mode-1 vertices (0 to \(n)); ignored",
                                    at: at(tokens[2].column), fix: "write *Vertices n n1 for a two-mode network")
                }
            }
            section = .vertices
        case "*arcs", "*edges", "*arcslist", "*edgeslist":
            guard !skippingNetwork else { section = .skip; return }
            let number = relation(tokens)
            section = .lines(directed: keyword.hasPrefix("*arcs"), relation: number, list: keyword.hasSuffix("list"))
        case "*matrix":
            guard !skippingNetwork else { section = .skip; return }
            matrixCell = 0
            let number = relation(tokens)
            section = .matrix(directed: modeOne == nil, relation: number)
        case "*partition", "*vector":
            let name = Self.rest(tokens, after: 1)
            section = .valuesHeader(name: name.isEmpty ? String(keyword.dropFirst()) : name, numbers: keyword == "*vector", at: here)
        default:
            builder.warning("section \(tokens[0].text.prefix(40)) is not read", at: here,
                            fix: "ActorNet reads *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix, *Partition and *Vector")
            section = .skip
        }
    }

    mutating func checkMatrixComplete(at location: SourceLocation) {
        let n = vertexCount ?? 0
        let cells = modeOne.map { $0 * (n - $0) } ?? n * n
        if matrixCell < cells {
            builder.warning("*Matrix has \(matrixCell) values for \(cells) cells; the rest are read as 0", at: location,
                            fix: "write one row per vertex, one value per column")
        }
    }

    /// An end: a vertex number, or a label.
    mutating func end(_ token: PajekToken) -> End? {
        if !token.quoted, let n = Int(token.text) {
            guard n >= 1 else {
                builder.error("vertex number \(n) is not valid: vertices are numbered from 1", at: at(token.column),
                              fix: "use a vertex number from 1 to \(vertexCount ?? 1)")
                return nil
            }
            return .number(n)
        }
        return .label(token.text)
    }

    mutating func dataLine(_ tokens: [PajekToken]) {
        switch section {
        case .none:
            builder.error("'\(tokens[0].text.prefix(40))' comes before any *Vertices or *Arcs/*Edges line", at: at(tokens[0].column),
                          fix: "start the network with *Vertices n")
            section = .skip
        case .skip, .valuesHeader:
            break
        case .vertices:
            vertexLine(tokens)
        case let .lines(directed, relation, list):
            guard let source = end(tokens[0]) else { return }
            if list {
                for token in tokens.dropFirst() {
                    guard let target = end(token) else { continue }
                    edges.append(Edge(source: source, target: target, directed: directed,
                                      attributes: relation.map { [(key: "relation", value: $0)] } ?? [], location: at(token.column)))
                }
                return
            }
            guard tokens.count >= 2 else {
                builder.error("a line of \(directed ? "*Arcs" : "*Edges") needs two vertices", at: at(tokens[0].column),
                              fix: "write 'from to [weight]', e.g. '1 2 1'")
                return
            }
            guard let target = end(tokens[1]) else { return }
            var attributes: [(key: String, value: ExportTable.Value)] = relation.map { [(key: "relation", value: $0)] } ?? []
            var i = 2
            if tokens.count > 2, !tokens[2].quoted, let w = Double(tokens[2].text) {
                // Weight 0 is kept: a relation of no strength (the network check warns).
                attributes.append((key: "weight", value: .double(w)))
                i = 3
            }
            attributes += parameters(tokens, from: i, element: "edge")
            edges.append(Edge(source: source, target: target, directed: directed, attributes: attributes, location: at(tokens[0].column)))
        case let .matrix(directed, relation):
            let n = vertexCount ?? 0
            let columns = modeOne.map { n - $0 } ?? n
            let cells = modeOne.map { $0 * columns } ?? n * n
            for token in tokens {
                guard let x = Double(token.text) else {
                    builder.error("matrix value '\(token.text.prefix(40))' is not a number", at: at(token.column), fix: "write numbers only in *Matrix")
                    continue
                }
                guard matrixCell < cells else {
                    builder.error("*Matrix has more values than its \(cells) cells", at: at(token.column),
                                  fix: "write one row per vertex, one value per column")
                    section = .skip
                    return
                }
                let row = matrixCell / columns, column = matrixCell % columns
                matrixCell += 1
                guard x != 0 else { continue }
                var attributes: [(key: String, value: ExportTable.Value)] = [(key: "weight", value: .double(x))]
                if let relation { attributes.append((key: "relation", value: relation)) }
                edges.append(Edge(source: .number(row + 1), target: .number((modeOne ?? 0) + column + 1), directed: directed,
                                  attributes: attributes, location: at(token.column)))
            }
        case let .values(index):
            guard var list = valueLists.popLast() else { return }
            defer { valueLists.append(list) }
            var index = index
            for token in tokens {
                guard index < list.count else {
                    builder.warning("\(list.numbers ? "vector" : "partition") '\(list.name)' has more values than its \(list.count) vertices; the rest are ignored",
                                    at: at(token.column), fix: "give one value per vertex")
                    section = .skip
                    return
                }
                if list.numbers, let x = Double(token.text) {
                    list.values.append(.double(x))
                } else if !list.numbers, let n = Int(token.text) {
                    list.values.append(.long(n))
                } else {
                    builder.warning("'\(token.text.prefix(40))' is not a \(list.numbers ? "number" : "whole number"); vertex \(index + 1) has no '\(list.name)'",
                                    at: at(token.column), fix: "write one \(list.numbers ? "number" : "whole number") per line")
                    list.values.append(nil)
                }
                index += 1
            }
            section = .values(index: index)
        }
    }

    /// Pajek's shapes, written bare after the coordinates.
    static let shapes: Set<String> = ["ellipse", "box", "diamond", "triangle", "cross", "empty", "man", "woman"]

    /// `param value` pairs (and bare shapes) from `tokens[from...]`.
    mutating func parameters(_ tokens: [PajekToken], from: Int, element: String) -> [(key: String, value: ExportTable.Value)] {
        var out: [(key: String, value: ExportTable.Value)] = []
        var i = from
        while i < tokens.count {
            let token = tokens[i]
            if token.text.hasPrefix("[") {
                warnOnce("interval", "time intervals such as '\(token.text.prefix(20))' are not read (first here)", at: at(token.column),
                         fix: "give relations dates in ActorNet (since/until) after reading")
                i += 1
                continue
            }
            if element == "vertex", Self.shapes.contains(token.text.lowercased()) {
                out.append((key: "shape", value: .string(token.text)))
                i += 1
                continue
            }
            guard i + 1 < tokens.count else {
                warnOnce("lone \(element)", "\(element) parameter '\(token.text.prefix(40))' has no value; ignored (first here)",
                         at: at(token.column), fix: "write parameters as pairs, e.g. ic Red")
                break
            }
            let key = token.text == "l" && element == "edge" ? "label" : token.text
            let text = tokens[i + 1].text
            out.append((key: key, value: !tokens[i + 1].quoted ? (Double(text).map { .double($0) } ?? .string(text)) : .string(text)))
            i += 2
        }
        return out
    }

    mutating func vertexLine(_ tokens: [PajekToken]) {
        let n = vertexCount ?? 0
        guard let id = Int(tokens[0].text) else {
            builder.error("vertex line starts with '\(tokens[0].text.prefix(40))', not a vertex number", at: at(tokens[0].column),
                          fix: "write 'number \"label\" [x y]', e.g. '1 \"Medici\"'")
            return
        }
        guard id >= 1, id <= n else {
            builder.error("vertex \(id) is not among the \(n) of *Vertices \(n)", at: at(tokens[0].column),
                          fix: "number vertices from 1 to \(n), or raise the count on the *Vertices line")
            return
        }
        if vertices[id] != nil {
            builder.error("vertex \(id) is listed twice (first at line \(vertices[id]!.location.line))", at: at(tokens[0].column),
                          fix: "list each vertex once")
            return
        }
        // A quoted label is kept as written (spaces included), as networkx's read_pajek keeps it.
        var vertex = Vertex(label: tokens.count > 1 ? (tokens[1].quoted ? tokens[1].text : tokens[1].text.trimmingCharacters(in: .whitespaces)) : nil,
                            location: at(tokens[0].column))
        var i = 2
        for axis in ["x", "y", "z"] {
            guard i < tokens.count, !tokens[i].quoted, let x = Double(tokens[i].text) else { break }
            vertex.attributes.append((key: axis, value: .double(x)))
            i += 1
        }
        vertex.attributes += parameters(tokens, from: i, element: "vertex")
        vertices[id] = vertex
    }

    mutating func finish() -> LoadResult {
        if case .matrix = section { checkMatrixComplete(at: at(1)) }
        let n = vertexCount ?? 0
        // Ids: labels, else numbers; numbers for all when two would clash.
        var ids = [String](repeating: "", count: n + 1)
        var seen: [String: Int] = [:]
        var byLabel = true
        for v in 1...max(n, 1) where v <= n {
            let id = vertices[v]?.label.flatMap { $0.isEmpty ? nil : $0 } ?? String(v)
            if let other = seen[id] {
                if byLabel {
                    builder.warning("vertices \(other) and \(v) would both be actor '\(id)'; actors take their vertex numbers as ids instead (labels stay their names)",
                                    at: vertices[v]?.location ?? at(1), fix: "give every vertex its own label to have labels as ids")
                }
                byLabel = false
                break
            }
            seen[id] = v
            ids[v] = id
        }
        var byText: [String: String] = [:]
        for v in 1...max(n, 1) where v <= n {
            if !byLabel { ids[v] = String(v) }
            if let label = vertices[v]?.label, byText[label] == nil { byText[label] = ids[v] }
        }
        let lists = valueLists.filter { list in
            guard list.count == n else {
                builder.warning("\(list.numbers ? "vector" : "partition") '\(list.name)' has \(list.count) vertices, not the network's \(n); skipped",
                                at: list.location, fix: "read it with the network it belongs to")
                return false
            }
            return true
        }
        for v in 1...max(n, 1) where v <= n {
            let vertex = vertices[v]
            var attributes: [(key: String, value: ExportTable.Value)] = []
            if let label = vertex?.label, !label.isEmpty { attributes.append((key: "label", value: .string(label))) }
            attributes += vertex?.attributes ?? []
            if let n1 = modeOne { attributes.append((key: "mode", value: .long(v <= n1 ? 1 : 2))) }
            for list in lists where v - 1 < list.values.count {
                if let value = list.values[v - 1] { attributes.append((key: list.name, value: value)) }
            }
            builder.addNode(id: ids[v], attributes: attributes, at: vertex?.location ?? at(1).with(line: 1))
        }
        for edge in edges {
            func id(_ end: End) -> String {
                switch end {
                case let .number(k): k <= n ? ids[k] : String(k)
                case let .label(text): byText[text] ?? text
                }
            }
            builder.addEdge(id: nil, source: id(edge.source), target: id(edge.target), directed: edge.directed,
                            attributes: edge.attributes, at: edge.location)
        }
        return builder.build()
    }
}

extension SourceLocation {
    fileprivate func with(line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }
}
