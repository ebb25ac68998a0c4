import Foundation

/// A bounded map from key to value that forgets the least recently used entry first.
///
/// Keys of computed results start with the network file's content hash, so a new version of a
/// network never meets the old version's results; those age out.
actor ResultCache<Value: Sendable> {
    private var entries: [String: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func get(_ key: String) -> Value? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key] = (entry.value, clock)
        return entry.value
    }

    /// - Complexity: O(1), or O(`capacity`) when an entry has to go.
    func put(_ key: String, _ value: Value) {
        clock += 1
        entries[key] = (value, clock)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries.removeValue(forKey: oldest)
        }
    }

    var count: Int { entries.count }
}

/// FNV-1a, 64 bits: a fast fingerprint of a file's bytes for cache keys (not a defence against
/// someone crafting collisions: whoever can write the workspace can change the answers anyway).
func contentHash(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return String(hash, radix: 16) + "-" + String(bytes.count)
}
