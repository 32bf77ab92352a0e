import Foundation

/// A co-chair's decision to hide an input from the views (a `hidden` event): who, why and when. The
/// input stays in the record, is still shown as "hidden by the moderators: <reason>", and is still owed a
/// reasoned response (an `out-of-scope` response answers it like any other).
public struct Moderation: Sendable, Equatable {
    /// The `hidden` event.
    public let id: EventID
    public let reason: String
    /// The co-chair who hid it (through a host when `author.attestation` says so).
    public let author: EventAuthor
    public let time: Date

    /// What views show in place of the hidden input, in both languages.
    public static func placeholder(_ moderation: Moderation) -> String {
        "（已由主持人隱藏：\(moderation.reason)）(hidden by the moderators: \(moderation.reason))"
    }
}
