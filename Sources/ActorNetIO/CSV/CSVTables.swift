import ActorNetCore
import Foundation

/// Node and edge tables in CSV, laid out as Gephi's spreadsheet import expects them.
///
/// `nodes.csv`: `Id,Label,kind,group,<actor attributes>,<metrics>…` (the columns of
/// `ExportTable`). `edges.csv`: `Source,Target,Type,Id,Label,Weight,kind,sign,channel,since,
/// until,flows,evidence,<relation attributes>`. Gephi reads `Type` as the direction, so `Type` is
/// `Directed` or `Undirected` per relation and the relation's kind is in `kind`. Fields are
/// quoted as RFC 4180 says; an absent value is an empty field and an empty text is `""` (the
/// convention of PostgreSQL's CSV format), so the two read back apart. Lines end with LF.
///
/// Reading maps columns by name, case-insensitively, into `ImportBuilder`: `Id`, `Label` (or
/// `name`), `kind`, `group` for nodes; `Source`, `Target` (required), `Id`, `Type` (`directed` or
/// `undirected`; without the column every relation is undirected, as signed edge lists are),
/// `Weight`, `kind`, `sign` (±1, `+`/`-`, `positive`/`negative`), `channel`, `since`, `until`,
/// `flows`, `Label`, `evidence` for edges. Any other column is an attribute, typed by its values:
/// numbers when every non-empty value is a finite number, booleans when every one is `true` or
/// `false`, text otherwise. Without a node table, actors are the edges' ends in order of first
/// appearance.
///
/// **Round trip.** A CSV pair has no graph-level data, so reading back what `nodes` and `edges`
/// wrote gives the network with: no `name` and no `summary`; its declared kinds declared again on
/// first use, in that order, with the sign and direction of that first relation and the
/// description "imported from <edges file>" (kinds no relation uses are gone); and each source
/// that evidence cites declared with its id as its title (in order of first citation), since
/// evidence may only cite declared sources. As with every `ExportTable` format, a relation's
/// `direction` survives only where it differs from its kind's default, and an attribute keeps
/// its type only when its column types it so (a text attribute whose every value looks like a
/// number reads back as a number). Everything else — actors and their attributes, relation ids,
/// kinds, weights, channels, dates, flows, labels, evidence — reads back equal.
public enum CSVTables {
    /// The node table. O(n × columns).
    public static func nodes(_ table: ExportTable) -> String {
        let names = table.nodeColumns.map { column -> String in
            if column.role == .fixed, column.name == "label" { return "Label" }
            return csvName(column, reserved: nodeReserved)
        }
        var out = line((["Id"] + names).map(text))
        for row in table.nodes {
            out += line([text(row.id)] + row.values.map(field))
        }
        return out
    }

    /// The edge table, relations in network order. O(m × columns).
    public static func edges(_ table: ExportTable) -> String {
        var header = ["Source", "Target", "Type", "Id", "Label", "Weight"]
        var order: [Int] = []
        let gephiColumns = ["label": 4, "weight": 5]
        var placed: [Int: Int] = [:]
        for (c, column) in table.edgeColumns.enumerated() {
            if column.role == .fixed, let slot = gephiColumns[column.name] {
                placed[slot] = c
            } else if column.role == .fixed, column.name == "directed" {
                continue  // `Type` says it
            } else {
                header.append(csvName(column, reserved: edgeReserved))
                order.append(c)
            }
        }
        var out = line(header.map(text))
        for row in table.edges {
            var fields = [row.source, row.target, row.directed ? "Directed" : "Undirected", row.id].map(text)
            fields += [4, 5].map { slot in placed[slot].map { field(row.values[$0]) } ?? "" }
            fields += order.map { field(row.values[$0]) }
            out += line(fields)
        }
        return out
    }

    /// Reads an edge table from disk, with the node table beside it when there is one: for
    /// `…edges.csv`, a `…nodes.csv` in the same place is read too.
    public static func read(edgesPath path: String) -> LoadResult {
        var nodes: String?
        let name = URL(fileURLWithPath: path).lastPathComponent
        if name.hasSuffix("edges.csv") {
            let candidate = String(path.dropLast("edges.csv".count)) + "nodes.csv"
            if FileManager.default.fileExists(atPath: candidate) { nodes = candidate }
        }
        return read(nodesPath: nodes, edgesPath: path)
    }

    /// Reads `nodes.csv` and `edges.csv` from disk; a missing `nodesPath` reads the edges alone.
    public static func read(nodesPath: String?, edgesPath: String, limits: CSVLimits = .default) -> LoadResult {
        var nodes: [UInt8]?
        if let nodesPath {
            switch InputFile.read(nodesPath, expecting: ".csv") {
            case let .success((bytes, _)): nodes = bytes
            case let .failure(box): return box.result
            }
        }
        return InputFile.load(edgesPath, expecting: ".csv") { edges, file in
            read(nodes: nodes, nodesFile: nodesPath, edges: edges, edgesFile: file, limits: limits)
        }
    }

    /// Reads a node table (optional) and an edge table; `nodesFile` and `edgesFile` name them in
    /// diagnostics. Every problem is reported, with its file, line and column.
    public static func read(nodes: [UInt8]?, nodesFile: String?, edges: [UInt8], edgesFile: String,
                            limits: CSVLimits = .default) -> LoadResult {
        var builder = ImportBuilder(file: edgesFile)
        var diagnostics: [Diagnostic] = []
        var declared = Set<String>()

        if let nodes {
            let file = nodesFile ?? "nodes.csv"
            switch CSVParser.table(nodes, file: file, limits: limits) {
            case let .failure(d): return LoadResult(network: nil, diagnostics: [d])
            case let .success(table):
                diagnostics += table.problems
                readNodes(table, file: file, into: &builder, declared: &declared, diagnostics: &diagnostics)
            }
        }
        let edgeTable: CSVParser.Table
        switch CSVParser.table(edges, file: edgesFile, limits: limits) {
        case let .failure(d): return LoadResult(network: nil, diagnostics: diagnostics + [d])
        case let .success(table): edgeTable = table
        }
        diagnostics += edgeTable.problems
        readEdges(edgeTable, file: edgesFile, declareEnds: nodes == nil, into: &builder, declared: &declared,
                  diagnostics: &diagnostics)

        let result = builder.build()
        let all = (diagnostics + result.diagnostics).sorted { $0.location < $1.location }
            .capped(ImportBuilder.diagnosticLimit, file: edgesFile)
        return LoadResult(network: all.hasErrors ? nil : result.network, diagnostics: all)
    }

    /// Whether `head` (a file's first bytes) looks like a table ActorNet's CSV reader takes: after
    /// `#`/`%` comment lines, at least two complete rows with the same number (2 or more) of
    /// fields under the separator the first row shows, and a first row that is not a YAML
    /// `key:` line. For files whose extension does not say (SNAP's `.txt`, `.tsv`, `.edges`).
    public static func looksLikeTable(_ head: ArraySlice<UInt8>) -> Bool {
        let (separator, comments) = CSVParser.Dialect.detect(head)
        var lines = head[comments.endIndex...].split(separator: 0x0A, omittingEmptySubsequences: true)
        if head.count >= 4096, head.last != 0x0A, !lines.isEmpty { lines.removeLast() }  // cut off by the sniff's limit
        let rows = CSVParser.Dialect.fieldCounts(lines.prefix(8), separator)
        guard rows.count >= 2, let first = rows.first, first >= 2, rows.allSatisfy({ $0 == first }) else { return false }
        return !NativeSniff.looksLikeYAML(head)
    }

    // MARK: - Writing

    /// Header names, besides the fixed columns, that a reader would take for a fixed column
    /// (compared case-insensitively): an attribute with such a name is written `attr_<name>`.
    static let nodeReserved: Set<String> = ["id", "label", "name", "kind", "group"]
    static let edgeReserved: Set<String> = Set(["source", "target", "type", "id"] + ExportTable.fixedEdgeColumns.map(\.name))

    static func csvName(_ column: ExportTable.Column, reserved: Set<String>) -> String {
        guard case let .attribute(key) = column.role else { return column.name }
        return reserved.contains(key.lowercased()) ? "attr_" + key : key
    }

    static func field(_ value: ExportTable.Value?) -> String {
        value.map { text($0.text) } ?? ""
    }

    static func text(_ text: String) -> String {
        text.isEmpty ? "\"\"" : CSVField.escape(text)
    }

    static func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\n"
    }

    // MARK: - Reading

    /// The name a column passes to `ImportBuilder`: `attr_` taken off where the writer put it on a
    /// name that the builder does not know as fixed.
    static func builderKey(_ header: String, reserved: Set<String>) -> String {
        if header.hasPrefix("attr_"), ["id", "source", "target", "type"].contains(header.dropFirst(5).lowercased()),
           reserved.contains(header.dropFirst(5).lowercased()) {
            return String(header.dropFirst(5))
        }
        return header
    }

    private static func readNodes(_ table: CSVParser.Table, file: String, into builder: inout ImportBuilder,
                                  declared: inout Set<String>, diagnostics: inout [Diagnostic]) {
        let lowered = table.header.map { $0.text.lowercased() }
        guard let idColumn = lowered.firstIndex(of: "id") else {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                "the node table has no 'Id' column (columns: \(table.header.map(\.text).joined(separator: ", ")))",
                fix: "name the column of node ids 'Id', as Gephi does"))
            return
        }
        let fixed: Set<String> = ["label", "name", "kind", "group"]
        let types = columnTypes(table, skipping: Set(lowered.indices.filter { $0 == idColumn || fixed.contains(lowered[$0]) }))
        for record in table.records {
            let idCell = record.cells[idColumn]
            guard !idCell.text.isEmpty else {
                diagnostics.append(Diagnostic(.error, at: idCell.location(file), "empty node id",
                                              fix: "give every node an id"))
                continue
            }
            var attributes: [(key: String, value: ExportTable.Value)] = []
            for (c, cell) in record.cells.enumerated() where c != idColumn {
                guard let value = cell.value(as: types[c]) else { continue }
                attributes.append((builderKey(table.header[c].text, reserved: nodeReserved), value))
            }
            declared.insert(idCell.text)
            builder.addNode(id: idCell.text, attributes: attributes, at: record.location(file))
        }
    }

    /// The shapes of edge table ActorNet reads besides Gephi's `Source,Target,…`.
    enum Shape {
        /// Gephi's (and ActorNet's) edge table with a header.
        case table
        /// `from,to[,weight]` (R's igraph and many exports): read as Source, Target, Weight.
        case fromTo
        /// No header: two or three columns of source, target and an optional weight (SNAP).
        case headerless
        /// An adjacency matrix: a header row of ids after an empty first cell, then one row per
        /// id (Gephi's matrix import).
        case matrix
    }

    static func shape(of table: CSVParser.Table) -> Shape {
        let lowered = table.header.map { $0.text.lowercased() }
        if lowered.contains("source"), lowered.contains("target") { return .table }
        if lowered.count >= 2, lowered[0] == "from", lowered[1] == "to" { return .fromTo }
        if table.header.count >= 2, table.header[0].text.isEmpty, !table.header[0].quoted {
            let ids = Set(table.header.dropFirst().map(\.text))
            if !table.records.isEmpty, table.records.allSatisfy({ ids.contains($0.cells[0].text) }) { return .matrix }
        }
        if (2...3).contains(table.header.count), !table.header.contains(where: { $0.text.isEmpty }) {
            let known: Set<String> = ["id", "label", "weight", "type", "kind", "sign", "target", "source"]
            if !lowered.contains(where: known.contains) { return .headerless }
        }
        return .table
    }

    private static func readEdges(_ table: CSVParser.Table, file: String, declareEnds: Bool,
                                  into builder: inout ImportBuilder, declared: inout Set<String>,
                                  diagnostics: inout [Diagnostic]) {
        var table = table
        let start = SourceLocation(file: file, line: table.header.first?.line ?? 1, column: 1)
        switch shape(of: table) {
        case .table: break
        case .matrix:
            diagnostics.append(Diagnostic(.warning, at: start,
                "read as an adjacency matrix (a header of ids after an empty first cell, one row per id)",
                fix: "nothing to do; an edge table with Source and Target columns keeps more"))
            readMatrix(table, file: file, into: &builder, declared: &declared, diagnostics: &diagnostics)
            return
        case .fromTo:
            diagnostics.append(Diagnostic(.warning, at: start, "columns 'from' and 'to' read as Source and Target",
                                          fix: "nothing to do; Gephi names them Source and Target"))
            table.header[0].text = "Source"
            table.header[1].text = "Target"
        case .headerless:
            let numeric = table.header.count == 3
                && ([CSVParser.Record(cells: table.header, line: table.header[0].line)] + table.records)
                    .allSatisfy { CSVParser.number($0.cells[2].text) != nil }
            let names = ["Source", "Target", numeric ? "Weight" : "value"].prefix(table.header.count)
            diagnostics.append(Diagnostic(.warning, at: start,
                "no header row (no Source and Target columns): read as an edge list of \(names.joined(separator: ", "))",
                fix: "nothing to do; or add a header row naming the columns, e.g. Source,Target,Weight"))
            table.records.insert(CSVParser.Record(cells: table.header, line: table.header[0].line), at: 0)
            table.header = zip(names, table.header).map { name, cell in
                CSVParser.Cell(text: name, quoted: false, line: cell.line, column: cell.column)
            }
        }
        let lowered = table.header.map { $0.text.lowercased() }
        var missing: [String] = []
        let source = lowered.firstIndex(of: "source"), target = lowered.firstIndex(of: "target")
        if source == nil { missing.append("Source") }
        if target == nil { missing.append("Target") }
        guard let source, let target else {
            let separated = table.separator == .comma ? "" : " separated by \(table.separator.name)"
            diagnostics.append(Diagnostic(.error, at: start,
                "the edge table has no \(missing.joined(separator: " or ")) column (columns\(separated): \(table.header.map { "'\($0.text)'" }.joined(separator: ", ")))",
                fix: "name the columns of the two ends 'Source' and 'Target', as Gephi does; ActorNet also reads "
                    + "headerless two- or three-column edge lists and adjacency matrices"))
            return
        }
        let id = lowered.firstIndex(of: "id"), type = lowered.firstIndex(of: "type")
        let weight = lowered.firstIndex(of: "weight"), sign = lowered.firstIndex(of: "sign")
        let evidence = lowered.firstIndex(of: "evidence")
        let fixedText: Set<String> = ["kind", "directed", "channel", "since", "until", "flows", "label", "inferred", "note",
                                      "commitment", "fulfilment", "cameo"]
        var own = Set([source, target, id, type, weight, sign, evidence].compactMap { $0 })
        own.formUnion(lowered.indices.filter { fixedText.contains(lowered[$0]) })
        let types = columnTypes(table, skipping: own)
        var citedSources: [String] = []
        var cited = Set<String>()

        for record in table.records {
            let location = record.location(file)
            let from = record.cells[source], to = record.cells[target]
            var usable = true
            for (cell, name) in [(from, "Source"), (to, "Target")] where cell.text.isEmpty {
                diagnostics.append(Diagnostic(.error, at: cell.location(file), "empty \(name)",
                                              fix: "give both ends of every edge"))
                usable = false
            }
            var directed = false
            if let type, !record.cells[type].text.isEmpty {
                switch record.cells[type].text.lowercased() {
                case "directed": directed = true
                case "undirected": directed = false
                default:
                    diagnostics.append(Diagnostic(.error, at: record.cells[type].location(file),
                        "Type '\(record.cells[type].text)' is not a direction",
                        fix: "write 'Directed' or 'Undirected' (Gephi's Type is the direction; put the kind in a 'kind' column)"))
                    usable = false
                }
            }
            var attributes: [(key: String, value: ExportTable.Value)] = []
            if let weight, !record.cells[weight].text.isEmpty {
                let cell = record.cells[weight]
                if let x = CSVParser.number(cell.text) {
                    attributes.append(("weight", .double(x)))
                } else {
                    diagnostics.append(Diagnostic(.error, at: cell.location(file), "weight '\(cell.text)' is not a number",
                                                  fix: "write a finite number such as 2.5"))
                    usable = false
                }
            }
            if let sign, !record.cells[sign].text.isEmpty {
                let cell = record.cells[sign]
                if let s = Sign(parsing: cell.text) {
                    attributes.append(("sign", .long(Int(s.rawValue))))
                } else {
                    diagnostics.append(Diagnostic(.error, at: cell.location(file), "sign '\(cell.text)' is not a sign",
                                                  fix: "write 1 or -1 (or + / -, positive / negative)"))
                    usable = false
                }
            }
            if let evidence, !record.cells[evidence].text.isEmpty {
                let text = record.cells[evidence].text
                for source in EvidenceJSON.decode(text)?.compactMap(\.source) ?? [] where cited.insert(source).inserted {
                    citedSources.append(source)
                }
                attributes.append(("evidence", .string(text)))
            }
            for (c, cell) in record.cells.enumerated() where c != source && c != target && c != id && c != type
                && c != weight && c != sign && c != evidence {
                guard let value = cell.value(as: types[c]) else { continue }
                attributes.append((builderKey(table.header[c].text, reserved: edgeReserved), value))
            }
            guard usable else { continue }
            if declareEnds {
                for end in [from.text, to.text] where declared.insert(end).inserted {
                    builder.addNode(id: end, attributes: [], at: location)
                }
            }
            let relationID = id.map { record.cells[$0].text }.flatMap { $0.isEmpty ? nil : $0 }
            builder.addEdge(id: relationID, source: from.text, target: to.text, directed: directed,
                            attributes: attributes, at: location)
        }

        if !citedSources.isEmpty {
            let list = citedSources.map {
                NetworkMetadataJSON.Source(id: $0, title: $0, url: nil, date: nil, note: nil)
            }
            let start = SourceLocation(file: file, line: 1, column: 1)
            if let data = try? NetworkMetadataJSON.encoder().encode(list) {
                builder.setGraphData(key: "sources", value: String(decoding: data, as: UTF8.self), at: start)
            }
            diagnostics.append(Diagnostic(.warning, at: start,
                "evidence cites sources a CSV table cannot declare (\(KnownNames.list(citedSources))); each is declared with its id as its title",
                fix: "read the network's native file to keep the sources' titles, URLs and dates"))
        }
    }

    /// An adjacency matrix: cell (row u, column v) non-empty and not 0 is a relation u → v of
    /// that weight (negative: a negative tie). A symmetric matrix gives undirected relations
    /// (one per pair, from the upper triangle), any other directed ones; the diagonal holds
    /// self-loops, which ImportBuilder skips with a warning.
    private static func readMatrix(_ table: CSVParser.Table, file: String, into builder: inout ImportBuilder,
                                   declared: inout Set<String>, diagnostics: inout [Diagnostic]) {
        let ids = table.header.dropFirst().map(\.text)
        var row: [String: Int] = [:]
        for (k, record) in table.records.enumerated() {
            if row[record.cells[0].text] != nil {
                diagnostics.append(Diagnostic(.error, at: record.cells[0].location(file),
                    "row '\(record.cells[0].text)' appears twice in the matrix", fix: "give each id one row"))
                return
            }
            row[record.cells[0].text] = k
        }
        // Only the non-zero cells are kept (memory grows with the relations, not rows × columns).
        let column = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [(row: Int, column: Int, value: Double)] = []
        var bad = false
        for (k, record) in table.records.enumerated() {
            for c in 1..<record.cells.count {
                let cell = record.cells[c]
                guard !cell.text.isEmpty else { continue }
                guard let x = CSVParser.number(cell.text) else {
                    diagnostics.append(Diagnostic(.error, at: cell.location(file),
                        "matrix cell '\(cell.text)' is not a number", fix: "write a number (0 or empty: no relation)"))
                    bad = true
                    continue
                }
                if x != 0 { entries.append((k, c - 1, x)) }
            }
        }
        guard !bad else { return }
        var cellValue: [Int: Double] = [:]  // row index × column count + column index
        cellValue.reserveCapacity(entries.count)
        for e in entries { cellValue[e.row * ids.count + e.column] = e.value }
        func cell(_ rowID: String, _ columnID: String) -> Double? {
            guard let r = row[rowID], let c = column[columnID] else { return nil }
            return cellValue[r * ids.count + c]
        }
        // Symmetric: every non-zero cell has its mirror, equal (a missing mirror is a 0).
        let symmetric = entries.allSatisfy { e in
            cell(ids[e.column], table.records[e.row].cells[0].text) == e.value
        }
        for id in ids where declared.insert(id).inserted {
            builder.addNode(id: id, attributes: [], at: table.header[0].location(file))
        }
        for e in entries {
            let record = table.records[e.row]
            let u = record.cells[0].text
            if symmetric, let cu = column[u], e.column < cu { continue }
            builder.addEdge(id: nil, source: u, target: ids[e.column], directed: !symmetric,
                            attributes: [("weight", .double(e.value))], at: record.cells[e.column + 1].location(file))
        }
    }

    /// Per column: numbers when every non-empty value is a finite number, booleans when every one
    /// is `true`/`false`, else text. Columns in `skipping` are text.
    static func columnTypes(_ table: CSVParser.Table, skipping: Set<Int>) -> [ExportTable.ColumnType] {
        table.header.indices.map { c in
            if skipping.contains(c) { return .string }
            let values = table.records.lazy.map { $0.cells[c] }.filter { !$0.text.isEmpty || $0.quoted }
            if values.isEmpty { return .string }
            if values.allSatisfy({ CSVParser.number($0.text) != nil }) { return .double }
            if values.allSatisfy({ ["true", "false"].contains($0.text.lowercased()) }) { return .boolean }
            return .string
        }
    }
}

/// Limits that keep a hostile CSV table from taking unbounded time or memory.
public struct CSVLimits: Sendable {
    /// Longest field, in UTF-8 bytes: 1 MiB.
    public var maxFieldBytes: Int = 1 << 20
    /// Most fields in one row (the header included).
    public var maxColumns: Int = 10_000

    public init() {}
    public static let `default` = CSVLimits()
}

/// A small RFC 4180 reader: fields separated by commas, records by LF or CRLF, fields optionally
/// in double quotes with `""` for a quote. Positions are kept per field for diagnostics.
enum CSVParser {
    struct Cell {
        var text: String
        /// Written in quotes: `""` is an empty text, an unquoted empty field no value.
        var quoted: Bool
        var line: Int
        var column: Int

        func location(_ file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

        func value(as type: ExportTable.ColumnType) -> ExportTable.Value? {
            if text.isEmpty && !quoted { return nil }
            switch type {
            case .double: return CSVParser.number(text).map(ExportTable.Value.double) ?? .string(text)
            case .boolean: return .boolean(text.lowercased() == "true")
            case .long, .string: return .string(text)
            }
        }
    }

    struct Record {
        var cells: [Cell]
        var line: Int
        func location(_ file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }
    }

    /// A header and the records that have as many fields; `problems` lists the others.
    struct Table {
        var header: [Cell]
        var records: [Record]
        var problems: [Diagnostic]
        var separator: Separator = .comma
    }

    /// What separates fields: Gephi's spreadsheet import accepts `,` `;` tab and `|`; SNAP's
    /// edge lists use runs of spaces or tabs.
    enum Separator: Sendable, Equatable {
        case comma, semicolon, tab, pipe, spaces
        var byte: UInt8 {
            switch self {
            case .comma: 0x2C
            case .semicolon: 0x3B
            case .tab: 0x09
            case .pipe: 0x7C
            case .spaces: 0x20
            }
        }
        var name: String {
            switch self {
            case .comma: "','"
            case .semicolon: "';'"
            case .tab: "tabs"
            case .pipe: "'|'"
            case .spaces: "spaces"
            }
        }
    }

    /// Finding the separator and the comment lines that open a file.
    enum Dialect {
        struct Comments {
            var endIndex: Int
            var count: Int
            var isEmpty: Bool { count == 0 }
        }

        /// The separator most frequent outside quotes in the first row (`,` on a tie or when
        /// none occurs; spaces when only spaces do), after leading `#` / `%` comment lines.
        static func detect(_ body: ArraySlice<UInt8>) -> (Separator, Comments) {
            var i = body.startIndex
            var count = 0
            while i < body.endIndex, body[i] == UInt8(ascii: "#") || body[i] == UInt8(ascii: "%") {
                while i < body.endIndex, body[i] != 0x0A { i += 1 }
                if i < body.endIndex { i += 1 }
                count += 1
            }
            let comments = Comments(endIndex: i, count: count)
            var counts: [Separator: Int] = [:]
            var inQuotes = false, sawSpace = false
            var j = i
            while j < body.endIndex, inQuotes || (body[j] != 0x0A && body[j] != 0x0D) {
                switch body[j] {
                case 0x22: inQuotes.toggle()
                case 0x2C where !inQuotes: counts[.comma, default: 0] += 1
                case 0x3B where !inQuotes: counts[.semicolon, default: 0] += 1
                case 0x09 where !inQuotes: counts[.tab, default: 0] += 1
                case 0x7C where !inQuotes: counts[.pipe, default: 0] += 1
                case 0x20 where !inQuotes: sawSpace = true
                default: break
                }
                j += 1
            }
            var best = Separator.comma, most = 0
            for candidate in [Separator.comma, .semicolon, .tab, .pipe] where counts[candidate, default: 0] > most {
                best = candidate
                most = counts[candidate]!
            }
            if most == 0, sawSpace {
                // A space inside a header name ("Modularity Class") would also do this; a table
                // of one column is no network either way.
                best = .spaces
            }
            // SNAP-style lists mix tabs and spaces from line to line: when tabs do not split the
            // first lines evenly and runs of whitespace do, whitespace separates.
            if best == .tab {
                let lines = body[i...].split(separator: 0x0A, omittingEmptySubsequences: true).prefix(8)
                if Set(fieldCounts(lines, .tab)).count > 1, Set(fieldCounts(lines, .spaces)).count == 1 { best = .spaces }
            }
            return (best, comments)
        }

        /// The number of fields in each line under `separator` (quotes respected, CR ignored).
        static func fieldCounts<S: Sequence>(_ lines: S, _ separator: Separator) -> [Int] where S.Element == ArraySlice<UInt8> {
            lines.map { line in
                var fields = 1, inQuotes = false, previousSpace = true
                for b in line where b != 0x0D {
                    if b == 0x22 { inQuotes.toggle() }
                    if inQuotes { continue }
                    if separator == .spaces {
                        let space = b == 0x20 || b == 0x09
                        if space, !previousSpace { fields += 1 }
                        previousSpace = space
                    } else if b == separator.byte {
                        fields += 1
                    }
                }
                if separator == .spaces, previousSpace { fields -= 1 }
                return fields
            }
        }
    }

    /// Parses and checks the shape: a header row, then records with as many fields (blank lines
    /// skipped). A syntax error (an unclosed quote, text after a closing quote, a quote inside an
    /// unquoted field) stops reading; rows of the wrong width are reported and skipped.
    static func table(_ bytes: [UInt8], file: String, limits: CSVLimits = .default) -> Result<Table, Diagnostic> {
        let body: ArraySlice<UInt8>
        switch TextInput.utf8(bytes, file: file) {
        case let .success(b): body = b
        case let .failure(d): return .failure(d)
        }
        let (dialect, comments) = Dialect.detect(body)
        var problems: [Diagnostic] = []
        let start = SourceLocation(file: file, line: 1, column: 1)
        if !comments.isEmpty {
            problems.append(Diagnostic(.warning, at: start,
                "\(comments.count) comment line\(comments.count == 1 ? "" : "s") (starting with # or %) before the table skipped",
                fix: "nothing to do; SNAP and Pajek-style edge lists start so"))
        }
        var records: [Record]
        switch parse(body[comments.endIndex...], file: file, limits: limits, separator: dialect) {
        case var .success(r):
            // Lines were counted from the first after the comments.
            if comments.count > 0 {
                for k in r.indices {
                    r[k].line += comments.count
                    for c in r[k].cells.indices { r[k].cells[c].line += comments.count }
                }
            }
            records = r
        case var .failure(d):
            d.location.line += comments.count
            return .failure(d)
        }
        if dialect != .comma {
            problems.append(Diagnostic(.warning, at: records.first?.location(file) ?? start,
                "fields separated by \(dialect.name) (found in the first row)",
                fix: "nothing to do; ActorNet writes commas"))
        }
        guard !records.isEmpty else {
            return .failure(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                                       fix: "a CSV table starts with a header row naming its columns"))
        }
        // Spaces around header names (`Source, Target`) are not part of them, as Gephi reads it;
        // such a file puts them around values too, so unquoted values are trimmed as well.
        if records[0].cells.contains(where: { !$0.quoted && $0.text != $0.text.trimmingCharacters(in: .whitespaces) }) {
            problems.append(Diagnostic(.warning, at: records[0].location(file),
                "spaces around the column names (and around unquoted values) ignored",
                fix: "nothing to do; or write the table without spaces after the separators"))
            for k in records.indices {
                for c in records[k].cells.indices where !records[k].cells[c].quoted {
                    records[k].cells[c].text = records[k].cells[c].text.trimmingCharacters(in: .whitespaces)
                }
            }
        }
        let header = records[0]
        var seen: [String: Cell] = [:]
        // A first row of numbers is data (a headerless edge list such as `1 2 1`), not names.
        let numbers = header.cells.allSatisfy { number($0.text) != nil }
        for cell in header.cells where !numbers {
            if let first = seen[cell.text.lowercased()] {
                return .failure(Diagnostic(.error, at: cell.location(file),
                    "column '\(cell.text)' appears twice (also column \(first.column) of the header)",
                    fix: "give each column its own name (names are compared case-insensitively)"))
            }
            seen[cell.text.lowercased()] = cell
        }
        var table = Table(header: header.cells, records: [], problems: problems, separator: dialect)
        // Edge lists that open with `#` comments (SNAP, networkx's write_edgelist) may have more
        // further down, as networkx's read_edgelist reads them.
        let commentsAnywhere = !comments.isEmpty || dialect == .spaces
        var laterComments: (first: SourceLocation, count: Int)?
        for record in records.dropFirst() {
            if record.cells.count == 1, record.cells[0].text.isEmpty, !record.cells[0].quoted { continue }
            if commentsAnywhere, let first = record.cells.first, !first.quoted, first.text.hasPrefix("#") {
                laterComments = (laterComments?.first ?? record.location(file), (laterComments?.count ?? 0) + 1)
                continue
            }
            guard record.cells.count == header.cells.count else {
                let at = record.cells.count > header.cells.count ? record.cells[header.cells.count].location(file)
                    : record.location(file)
                table.problems.append(Diagnostic(.error, at: at,
                    "the row has \(record.cells.count) fields but the header has \(header.cells.count)",
                    fix: "quote fields that contain commas, or add the missing fields (empty is allowed)"))
                continue
            }
            table.records.append(record)
        }
        if let (first, count) = laterComments {
            table.problems.append(Diagnostic(.warning, at: first, "\(count) comment line\(count == 1 ? "" : "s") (starting with #) in the table skipped",
                                             fix: "nothing to do; networkx's read_edgelist skips them too"))
        }
        return .success(table)
    }

    /// Splits the text into records of cells, keeping each cell's line and column. A record ends
    /// at LF, CRLF or a lone CR (files mixing them are read line by line as a user sees them).
    /// Stops at the first syntax error, at a control character other than tab, LF and CR (a NUL
    /// in an id would be invisible in every output), at a field over `limits.maxFieldBytes` and
    /// at a row over `limits.maxColumns`, so memory stays proportional to the file.
    /// - Complexity: O(n) in the bytes.
    static func parse(_ bytes: ArraySlice<UInt8>, file: String, limits: CSVLimits = .default,
                      separator: Separator = .comma) -> Result<[Record], Diagnostic> {
        var records: [Record] = []
        var cells: [Cell] = []
        var line = 1, column = 1
        var afterCR = false
        var i = bytes.startIndex
        let end = bytes.endIndex
        let quote: UInt8 = 0x22, comma: UInt8 = separator.byte, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, tab: UInt8 = 0x09
        let spaces = separator == .spaces
        func advance(_ b: UInt8) {
            if b == lf {
                if !afterCR {
                    line += 1
                    column = 1
                }
                afterCR = false
            } else if b == cr {
                line += 1
                column = 1
                afterCR = true
            } else {
                afterCR = false
                if b & 0xC0 != 0x80 { column += 1 }
            }
        }
        func here() -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func shown(_ text: [UInt8]) -> String {
            let head = String(decoding: text.prefix(240), as: UTF8.self)
            return head.count > 60 ? String(head.prefix(57)) + "… (\(text.count) bytes)" : head
        }
        func controlCharacter(_ b: UInt8, in text: [UInt8]) -> Diagnostic {
            let hex = String(b, radix: 16, uppercase: true)
            let name = b == 0 ? " (NUL)" : b == 0x1B ? " (escape)" : ""
            return Diagnostic(.error, at: here(),
                "control character U+00\(hex.count == 1 ? "0" + hex : hex)\(name) in a field, after \"\(shown(text))\"",
                fix: "remove it: fields may hold tabs and line breaks (in quotes) but no other control characters; a NUL often means the file is UTF-16 or binary")
        }
        var recordLine = 1
        var atRecordStart = true
        while i < end || !atRecordStart {
            if atRecordStart {
                recordLine = line
                atRecordStart = false
            }
            let startLine = line, startColumn = column
            let fieldStart = SourceLocation(file: file, line: startLine, column: startColumn)
            if cells.count >= limits.maxColumns {
                return .failure(Diagnostic(.error, at: fieldStart,
                    "a row with more than \(limits.maxColumns) fields",
                    fix: "split the table; a node or edge table needs a few dozen columns at most"))
            }
            var text: [UInt8] = []
            var quoted = false
            if spaces, cells.isEmpty {
                // Runs of spaces and tabs separate fields; leading ones separate nothing.
                while i < end, bytes[i] == 0x20 || bytes[i] == tab {
                    advance(bytes[i])
                    i += 1
                }
            }
            if i < end, bytes[i] == quote {
                quoted = true
                advance(bytes[i])
                i += 1
                var closed = false
                while i < end {
                    let b = bytes[i]
                    if text.count > limits.maxFieldBytes {
                        return .failure(Diagnostic(.error, at: fieldStart,
                            "the quoted field that starts here is longer than \(limits.maxFieldBytes) bytes: \"\(shown(text))\"",
                            fix: "if its closing '\"' is missing, add it; a quote inside a quoted field is written twice (\"\")"))
                    }
                    if b == quote {
                        if i + 1 < end, bytes[i + 1] == quote {
                            text.append(quote)
                            advance(b)
                            advance(b)
                            i += 2
                            continue
                        }
                        advance(b)
                        i += 1
                        closed = true
                        break
                    }
                    if b < 0x20, b != tab, b != lf, b != cr { return .failure(controlCharacter(b, in: text)) }
                    text.append(b)
                    advance(b)
                    i += 1
                }
                guard closed else {
                    return .failure(Diagnostic(.error, at: fieldStart,
                        "the quoted field that starts here is never closed: \"\(shown(text))\"",
                        fix: "add the closing '\"'; a quote inside a quoted field is written twice (\"\")"))
                }
                if i < end, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr, !(spaces && bytes[i] == tab) {
                    var after: [UInt8] = []
                    var j = i
                    while j < end, after.count < 60, bytes[j] != comma, bytes[j] != lf, bytes[j] != cr {
                        after.append(bytes[j])
                        j += 1
                    }
                    return .failure(Diagnostic(.error, at: here(),
                        "unexpected text \"\(shown(after))\" after the closing quote of the field \"\(shown(text))\"",
                        fix: "quote the whole field, and write a quote inside it as \"\""))
                }
            } else {
                while i < end, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr, !(spaces && bytes[i] == tab) {
                    let b = bytes[i]
                    if b == quote {
                        return .failure(Diagnostic(.error, at: here(),
                            "a quote inside the unquoted field \"\(shown(text))…\"",
                            fix: "put the field in quotes and double the quote: \"say \"\"no\"\"\""))
                    }
                    if b < 0x20, b != tab { return .failure(controlCharacter(b, in: text)) }
                    if text.count >= limits.maxFieldBytes {
                        return .failure(Diagnostic(.error, at: fieldStart,
                            "the field that starts here is longer than \(limits.maxFieldBytes) bytes: \"\(shown(text))\"",
                            fix: "shorten the value; a field holds one id, name or attribute"))
                    }
                    text.append(b)
                    advance(b)
                    i += 1
                }
            }
            cells.append(Cell(text: String(decoding: text, as: UTF8.self), quoted: quoted, line: startLine, column: startColumn))
            if spaces {
                var j = i
                while j < end, bytes[j] == 0x20 || bytes[j] == tab { j += 1 }
                if j > i, j < end, bytes[j] != lf, bytes[j] != cr {
                    while i < j {
                        advance(bytes[i])
                        i += 1
                    }
                    continue
                }
                while i < j {
                    advance(bytes[i])
                    i += 1
                }
            }
            if i < end, bytes[i] == comma {
                advance(bytes[i])
                i += 1
                if i == end { cells.append(Cell(text: "", quoted: false, line: line, column: column)) } else { continue }
            }
            if i < end, bytes[i] == cr {
                advance(bytes[i])
                i += 1
            }
            if i < end, bytes[i] == lf {
                advance(bytes[i])
                i += 1
            }
            records.append(Record(cells: cells, line: recordLine))
            cells = []
            atRecordStart = true
        }
        return .success(records)
    }

    /// A finite decimal number (`-12`, `3.5`, `1e-3`, `2.5E+10`); nil for anything else, including
    /// `inf`, `nan`, hex and text with spaces.
    static func number(_ text: String) -> Double? {
        var sawDigit = false, sawDot = false, sawExponent = false
        var previous: UInt8 = 0
        for (k, b) in text.utf8.enumerated() {
            switch b {
            case 0x30...0x39: sawDigit = true
            case 0x2B, 0x2D: // + -
                guard k == 0 || previous == 0x65 || previous == 0x45 else { return nil }
            case 0x2E: // .
                guard !sawDot, !sawExponent else { return nil }
                sawDot = true
            case 0x65, 0x45: // e E
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                sawDigit = false
            default: return nil
            }
            previous = b
        }
        guard sawDigit, let x = Double(text), x.isFinite else { return nil }
        return x
    }
}
