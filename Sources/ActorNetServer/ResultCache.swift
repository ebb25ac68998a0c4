import Foundation

/// A map from key to value bounded in entries and in bytes, that forgets the least recently used
/// entry first.
///
/// Each entry costs the bytes its `put` states (an estimate for parsed networks, the body's
/// length for responses); an entry costing more than the whole budget is not kept at all, so one
/// huge export cannot flush everything else.
///
/// Keys of computed results start with the network's version id, so a new version of a network
/// never meets the old version's results; those age out.
actor ResultCache<Value: Sendable> {
    private struct Entry {
        var value: Value
        var cost: Int
        var older: String?
        var newer: String?
    }

    private var entries: [String: Entry] = [:]
    /// The least and the most recently used keys: the ends of the list `older`/`newer` link.
    private var oldest: String?
    private var newest: String?
    let capacity: Int
    let capacityBytes: Int
    private(set) var totalBytes = 0
    private(set) var evictions = 0

    init(capacity: Int = .max, capacityBytes: Int = .max) {
        self.capacity = capacity
        self.capacityBytes = capacityBytes
    }

    /// - Complexity: O(1).
    func get(_ key: String) -> Value? {
        guard let entry = entries[key] else { return nil }
        unlink(key)
        link(key, entry)
        return entry.value
    }

    /// Keeps `value` as the most recently used entry, then evicts the least recently used ones
    /// until both bounds hold.
    /// - Complexity: O(1) amortised.
    func put(_ key: String, _ value: Value, bytes cost: Int = 0) {
        if entries[key] != nil { remove(key) }
        guard cost <= capacityBytes else { return }
        link(key, Entry(value: value, cost: cost))
        totalBytes += cost
        while entries.count > capacity || totalBytes > capacityBytes, let victim = oldest {
            remove(victim)
            evictions += 1
        }
    }

    func remove(_ key: String) {
        guard let entry = entries[key] else { return }
        unlink(key)
        entries[key] = nil
        totalBytes -= entry.cost
    }

    var count: Int { entries.count }

    var keys: [String] { Array(entries.keys) }

    private func link(_ key: String, _ entry: Entry) {
        var entry = entry
        entry.older = newest
        entry.newer = nil
        if let newest { entries[newest]?.newer = key }
        newest = key
        if oldest == nil { oldest = key }
        entries[key] = entry
    }

    private func unlink(_ key: String) {
        guard let entry = entries[key] else { return }
        if let older = entry.older { entries[older]?.newer = entry.newer } else { oldest = entry.newer }
        if let newer = entry.newer { entries[newer]?.older = entry.older } else { newest = entry.older }
        entries[key]?.older = nil
        entries[key]?.newer = nil
    }
}

/// The version id of a network file's bytes: FNV-1a 64-bit hash in 16 hexadecimal digits, a dash
/// and the length in bytes (`3f2a9c0d1b7e4a55-10422`). Not a defence against someone crafting
/// collisions: whoever can write the workspace can change the answers anyway.
func contentHash(_ bytes: [UInt8]) -> String {
    let hex = String(fnv1a(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(bytes.count)
}
