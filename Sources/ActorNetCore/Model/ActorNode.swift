/// One actor of a network: a state, organisation, bloc, armed group, company, ….
///
/// Named `ActorNode` so as not to shadow Swift's `Actor` protocol.
public struct ActorNode: Sendable, Hashable, Identifiable {
    /// Stable identifier, e.g. `RUS`. Unique within a network.
    public var id: String
    /// Display name; defaults to the id.
    public var name: String
    /// What sort of actor this is. An open set (`state`, `organisation`, `armed group`, …).
    public var kind: String?
    /// The group or bloc the actor belongs to, e.g. `Gulf states`.
    public var group: String?
    /// Free typed attributes.
    public var attributes: [String: AttributeValue]

    public init(
        id: String, name: String? = nil, kind: String? = nil, group: String? = nil,
        attributes: [String: AttributeValue] = [:]
    ) {
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.group = group
        self.attributes = attributes
    }
}
