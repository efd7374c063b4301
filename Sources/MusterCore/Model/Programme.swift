/// A training programme or announcement: from a news item, or named by a sheet's or
/// export's session code.
public struct Programme: Sendable, Hashable, Codable {
    /// Registry id: the news item's guid, or the programme code.
    public var id: String
    public var title: String?
    public var link: String?
    public var published: String?
    /// ``Provenance/key`` of the record that described it, if a record did.
    public var sourceKey: String?

    public init(id: String, title: String? = nil, link: String? = nil, published: String? = nil, sourceKey: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.sourceKey = sourceKey
    }
}
