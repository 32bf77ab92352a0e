import Foundation

/// Where an imported input was first given (`nap import public-input`): the platform, the input's id
/// there, its address and when it was submitted. An event with a source is the words of the person it
/// names — not of the member who imported it (`Event.recordedBy`) — and is owed a reasoned response like
/// any input from the public (docs/STORAGE.md, "Imported input").
public struct InputSource: Codable, Sendable, Hashable {
    /// The platform's short id (`join` for Taiwan's JOIN platform, join.gov.tw).
    public var platform: String
    /// The input's id on the platform: what makes importing the same file twice import nothing twice.
    public var id: String
    /// The input's address on the platform, when the export gives one.
    public var url: String?
    /// When it was submitted on the platform, when the export says.
    public var submitted: Date?

    public init(platform: String, id: String, url: String? = nil, submitted: Date? = nil) {
        self.platform = platform
        self.id = id
        self.url = url
        self.submitted = submitted.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
    }

    /// The platform as readers see it: `JOIN` for `join`, else the id as written.
    public var platformLabel: String { platform == "join" ? "JOIN" : platform }

    /// `platform` and `id` together: the key an import is idempotent by.
    public var key: String { platform + "\u{1F}" + id }

    enum CodingKeys: String, CodingKey { case platform, id, url, submitted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        platform = try container.decode(String.self, forKey: .platform)
        id = try container.decode(String.self, forKey: .id)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        if let text = try container.decodeIfPresent(String.self, forKey: .submitted) {
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .submitted, in: container, debugDescription: "not a time: \(text.prefix(40))")
            }
            submitted = date
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(platform, forKey: .platform)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(submitted.map(Timestamp.format), forKey: .submitted)
    }
}

extension EventAuthor {
    /// Whether two authors are the same person by address. An imported input's author has no address,
    /// so it is nobody else — not even another imported input's author.
    public func hasSameAddress(as other: EventAuthor) -> Bool {
        !email.isEmpty && email.lowercased() == other.email.lowercased()
    }
}
