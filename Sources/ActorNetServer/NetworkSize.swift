import ActorNetCore

extension Network {
    /// About how many bytes the parsed network holds, for the byte bound of the network cache:
    /// the fixed size of each element, the heap storage of its strings (Swift keeps strings of up
    /// to 15 UTF-8 bytes inline), its attributes and evidence, and the index columns and hash
    /// maps `Network` builds. An estimate, not a measurement (allocator
    /// overhead and the analysis views built later are not counted).
    /// - Complexity: O(n + m).
    var estimatedBytes: Int {
        func text(_ s: String?) -> Int {
            guard let s else { return 0 }
            let n = s.utf8.count
            return n > 15 ? n + 32 : 0
        }
        func attributes(_ map: [String: AttributeValue]) -> Int {
            map.isEmpty ? 0 : 64 + map.reduce(0) { total, item in
                let value: Int
                if case let .string(s) = item.value { value = text(s) } else { value = 0 }
                return total + 48 + text(item.key) + value
            }
        }
        var total = 1024
        for a in actors {
            total += MemoryLayout<ActorNode>.stride + text(a.id) + text(a.name) + text(a.kind) + text(a.group)
                + attributes(a.attributes) + 48 // the id's slot in the actor index
        }
        for r in relations {
            total += MemoryLayout<Relation>.stride + 8 + 4 + 4 + 2 + 1 // the element and its index columns
            total += text(r.id) + text(r.source) + text(r.target) + text(r.kind) + text(r.label) + text(r.note) + text(r.cameo)
            if !r.flows.isEmpty { total += 32 + r.flows.reduce(0) { $0 + 16 + text($1) } }
            if !r.evidence.isEmpty {
                total += 32 + r.evidence.reduce(0) {
                    $0 + MemoryLayout<Evidence>.stride + text($1.text) + text($1.source) + text($1.section) + text($1.url)
                }
            }
            total += attributes(r.attributes)
        }
        for s in sources { total += MemoryLayout<SourceReference>.stride + text(s.id) + text(s.title) + text(s.url) + text(s.note) }
        return total
    }
}
