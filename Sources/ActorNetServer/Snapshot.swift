import ActorNetCore
import Foundation

/// The compact form of one version of a network: a binary encoding of the parsed model, kept in
/// `.actornet/snapshots/VERSION.bin` so a large network is decoded in a fraction of the time its
/// YAML takes to parse (the YAML stays the source of truth; a snapshot is only a faster way to
/// read the version it names).
///
/// Layout: the magic `ACTORNET-SNAPSHOT-1\n`, the version id, the payload, then the payload's
/// FNV-1a 64-bit hash. Integers are LEB128 varints (signed ones zigzag-encoded), doubles their
/// IEEE bit pattern in 8 little-endian bytes, strings a length and UTF-8, optionals a 0/1 tag.
/// A snapshot for another version, of another layout, truncated or with a wrong hash is refused,
/// and the caller falls back to the YAML (and writes a new snapshot).
enum Snapshot {
    static let magic = Array("ACTORNET-SNAPSHOT-1\n".utf8)

    struct Invalid: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    static func encode(_ network: Network, version: String) -> [UInt8] {
        var w = SnapshotWriter()
        w.bytes.reserveCapacity(64 + network.relations.count * 96 + network.actors.count * 48)
        w.optional(network.name) { $0.string($1) }
        w.optional(network.summary) { $0.string($1) }
        w.count(network.sources.count)
        for s in network.sources {
            w.string(s.id)
            w.string(s.title)
            w.optional(s.url) { $0.string($1) }
            w.optional(s.date) { $0.date($1) }
            w.optional(s.note) { $0.string($1) }
        }
        let declared = network.kinds.filter { !$0.isBuiltIn }
        w.count(declared.count)
        for k in declared {
            w.string(k.name)
            w.byte(k.sign == .positive ? 1 : 0)
            w.byte(k.direction == .directed ? 1 : 0)
            w.optional(k.description) { $0.string($1) }
        }
        w.count(network.actors.count)
        for a in network.actors {
            w.string(a.id)
            w.string(a.name)
            w.optional(a.kind) { $0.string($1) }
            w.optional(a.group) { $0.string($1) }
            w.attributes(a.attributes)
        }
        w.count(network.relations.count)
        for r in network.relations {
            w.string(r.id)
            w.string(r.source)
            w.string(r.target)
            w.string(r.kind)
            w.double(r.weight)
            w.optional(r.direction) { $0.byte($1 == .directed ? 1 : 0) }
            w.optional(r.channel) { $0.byte($1 == .stated ? 0 : 1) }
            w.optional(r.since) { $0.date($1) }
            w.optional(r.until) { $0.date($1) }
            w.count(r.flows.count)
            for f in r.flows { w.string(f) }
            w.optional(r.label) { $0.string($1) }
            w.count(r.evidence.count)
            for e in r.evidence {
                w.optional(e.text) { $0.string($1) }
                w.optional(e.source) { $0.string($1) }
                w.optional(e.section) { $0.string($1) }
                w.optional(e.url) { $0.string($1) }
            }
            w.attributes(r.attributes)
            w.byte(r.inferred ? 1 : 0)
            w.optional(r.note) { $0.string($1) }
            w.optional(r.commitment) { $0.string($1.rawValue) }
            w.optional(r.fulfilment) { $0.string($1.rawValue) }
            w.optional(r.cameo) { $0.string($1) }
        }
        var out = magic
        var header = SnapshotWriter()
        header.string(version)
        out += header.bytes
        out += w.bytes
        let hash = fnv1a(w.bytes)
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: hash >> (8 * UInt64(i)))) }
        return out
    }

    /// The network of a snapshot made for `version`; `Invalid` saying why when it is not one.
    static func decode(_ bytes: [UInt8], version: String) throws(Invalid) -> Network {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else {
            throw Invalid(reason: "not a snapshot of this layout (no '\(String(decoding: magic.dropLast(), as: UTF8.self))' header)")
        }
        return try bytes.withUnsafeBufferPointer { (all) throws(Invalid) -> Network in
            var header = SnapshotReader(UnsafeBufferPointer(rebasing: all[magic.count...]))
            let stored = try header.string()
            guard stored == version else { throw Invalid(reason: "made for version \(stored), not \(version)") }
            let payloadStart = magic.count + header.offset
            let payloadEnd = all.count - 8
            guard payloadStart <= payloadEnd else { throw Invalid(reason: "truncated") }
            let payload = UnsafeBufferPointer(rebasing: all[payloadStart..<payloadEnd])
            var expected: UInt64 = 0
            for i in 0..<8 { expected |= UInt64(all[payloadEnd + i]) << (8 * UInt64(i)) }
            guard fnv1a(payload) == expected else { throw Invalid(reason: "its checksum does not match (damaged)") }
            var r = SnapshotReader(payload)
            return try r.network()
        }
    }
}

private struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func count(_ n: Int) { varint(UInt64(n)) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func signed(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func double(_ x: Double) {
        var bits = x.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    mutating func date(_ d: PartialDate) {
        signed(d.year)
        count(d.month ?? 0)
        count(d.day ?? 0)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        if let value {
            byte(1)
            write(&self, value)
        } else {
            byte(0)
        }
    }

    mutating func attributes(_ map: [String: AttributeValue]) {
        count(map.count)
        for key in map.keys.sorted() {
            string(key)
            switch map[key]! {
            case let .string(s): byte(0); string(s)
            case let .number(x): byte(1); double(x)
            case let .bool(b): byte(2); byte(b ? 1 : 0)
            }
        }
    }
}

private struct SnapshotReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func byte() throws(Snapshot.Invalid) -> UInt8 {
        guard offset < buffer.count else { throw Snapshot.Invalid(reason: "truncated at byte \(offset)") }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func varint() throws(Snapshot.Invalid) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Snapshot.Invalid(reason: "an integer at byte \(offset) is too long") }
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    /// A count no larger than the bytes left could hold (so a damaged count cannot ask for
    /// gigabytes).
    mutating func count() throws(Snapshot.Invalid) -> Int {
        let n = try varint()
        guard n <= UInt64(buffer.count - offset) else { throw Snapshot.Invalid(reason: "a count at byte \(offset) exceeds the data") }
        return Int(n)
    }

    mutating func signed() throws(Snapshot.Invalid) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func string() throws(Snapshot.Invalid) -> String {
        let n = try count()
        defer { offset += n }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + n]), as: UTF8.self)
    }

    mutating func double() throws(Snapshot.Invalid) -> Double {
        guard offset + 8 <= buffer.count else { throw Snapshot.Invalid(reason: "truncated at byte \(offset)") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(buffer[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() throws(Snapshot.Invalid) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let b: throw Snapshot.Invalid(reason: "a flag at byte \(offset - 1) is \(b), not 0 or 1")
        }
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(Snapshot.Invalid) -> T) throws(Snapshot.Invalid) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func date() throws(Snapshot.Invalid) -> PartialDate {
        let year = try signed(), month = try count(), day = try count()
        guard let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else {
            throw Snapshot.Invalid(reason: "an invalid date \(year)-\(month)-\(day) at byte \(offset)")
        }
        return date
    }

    mutating func attributes() throws(Snapshot.Invalid) -> [String: AttributeValue] {
        let n = try count()
        var map: [String: AttributeValue] = [:]
        for _ in 0..<n {
            let key = try string()
            switch try byte() {
            case 0: map[key] = .string(try string())
            case 1: map[key] = .number(try double())
            case 2: map[key] = .bool(try bool())
            case let tag: throw Snapshot.Invalid(reason: "an unknown attribute type \(tag) at byte \(offset - 1)")
            }
        }
        return map
    }

    mutating func raw<T: RawRepresentable<String>>(_: T.Type) throws(Snapshot.Invalid) -> T {
        let text = try string()
        guard let value = T(rawValue: text) else { throw Snapshot.Invalid(reason: "an unknown value '\(text)' at byte \(offset)") }
        return value
    }

    mutating func network() throws(Snapshot.Invalid) -> Network {
        let name = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
        let summary = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
        var sources: [SourceReference] = []
        for _ in 0..<(try count()) {
            let id = try string(), title = try string()
            let url = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            let date = try optional { (r) throws(Snapshot.Invalid) in try r.date() }
            let note = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            sources.append(SourceReference(id: id, title: title, url: url, date: date, note: note))
        }
        var kinds: [RelationKind] = []
        for _ in 0..<(try count()) {
            let name = try string()
            let sign: Sign = try bool() ? .positive : .negative
            let direction: Direction = try bool() ? .directed : .undirected
            let description = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            kinds.append(RelationKind(name: name, sign: sign, direction: direction, description: description))
        }
        let actorCount = try count()
        var actors: [ActorNode] = []
        actors.reserveCapacity(actorCount)
        for _ in 0..<actorCount {
            let id = try string(), name = try string()
            let kind = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            let group = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            actors.append(ActorNode(id: id, name: name, kind: kind, group: group, attributes: try attributes()))
        }
        let relationCount = try count()
        var relations: [Relation] = []
        relations.reserveCapacity(relationCount)
        for _ in 0..<relationCount {
            let id = try string(), source = try string(), target = try string(), kind = try string()
            let weight = try double()
            let direction = try optional { (r) throws(Snapshot.Invalid) -> Direction in try r.bool() ? .directed : .undirected }
            let channel = try optional { (r) throws(Snapshot.Invalid) -> Channel in try r.bool() ? .material : .stated }
            let since = try optional { (r) throws(Snapshot.Invalid) in try r.date() }
            let until = try optional { (r) throws(Snapshot.Invalid) in try r.date() }
            var flows: [String] = []
            for _ in 0..<(try count()) { flows.append(try string()) }
            let label = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            var evidence: [Evidence] = []
            for _ in 0..<(try count()) {
                let text = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
                let source = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
                let section = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
                let url = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
                evidence.append(Evidence(text: text, source: source, section: section, url: url))
            }
            let attributes = try attributes()
            let inferred = try bool()
            let note = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            let commitment = try optional { (r) throws(Snapshot.Invalid) in try r.raw(Commitment.self) }
            let fulfilment = try optional { (r) throws(Snapshot.Invalid) in try r.raw(Fulfilment.self) }
            let cameo = try optional { (r) throws(Snapshot.Invalid) in try r.string() }
            relations.append(Relation(id: id, source: source, target: target, kind: kind, weight: weight, direction: direction,
                                      channel: channel, since: since, until: until, flows: flows, label: label,
                                      evidence: evidence, attributes: attributes, inferred: inferred, note: note,
                                      commitment: commitment, fulfilment: fulfilment, cameo: cameo))
        }
        guard offset == buffer.count else { throw Snapshot.Invalid(reason: "\(buffer.count - offset) bytes after the network") }
        let checked = Network.checked(name: name, summary: summary, actors: actors, kinds: kinds, relations: relations,
                                      sources: sources)
        guard let network = checked.network else {
            throw Snapshot.Invalid(reason: "it does not make a valid network: \(checked.issues.first.map { "\($0)" } ?? "")")
        }
        return network
    }
}

/// FNV-1a, 64 bits.
func fnv1a(_ bytes: some Collection<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}
