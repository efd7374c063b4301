/// What an input record describes: a person, or a programme/announcement (a news item).
public enum RecordKind: String, Sendable, Hashable, Codable, CaseIterable {
    case participant
    case programme
}
