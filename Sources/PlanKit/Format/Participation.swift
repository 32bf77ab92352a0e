import Yams

/// How people take part, as plan.yml declares it in its optional `participation:` mapping: where to
/// clone the plan from, the address of a nap server that takes comments from people without git, and an
/// official address for written input. Published on the plan's website (`nap site`).
///
/// ```yaml
/// participation:
///   clone: https://git.example.gov.tw/ogp/nap-2025.git
///   server: https://nap.example.gov.tw/
///   address: ogp@ndc.example.gov.tw
/// ```
public struct Participation: Sendable, Equatable {
    /// The public URL to clone the plan repository from.
    public var clone: String?
    /// The address of a web server (`nap serve`) where the public comments.
    public var server: String?
    /// An official address (email or postal) for written input: published content, like a commitment's
    /// contact point.
    public var address: String?

    public init(clone: String? = nil, server: String? = nil, address: String? = nil) {
        self.clone = clone
        self.server = server
        self.address = address
    }

    /// True when plan.yml declares no route.
    public var isEmpty: Bool { clone == nil && server == nil && address == nil }

    /// Reads `participation:` from plan.yml's bytes; anything missing, empty or malformed is left out
    /// (the website then shows only the routes it can read). Values are single lines of at most 500
    /// characters.
    public static func read(planFile bytes: [UInt8]) -> Participation {
        guard bytes.count <= PlanFiles.maximumFileSize,
              let node = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)),
              let mapping = node.mapping, let routes = mapping["participation"]?.mapping else { return Participation() }
        func value(_ key: String) -> String? {
            guard let text = routes[key]?.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty,
                  text.count <= 500, !text.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.value < 0x20 } }) else { return nil }
            return text
        }
        return Participation(clone: value("clone"), server: value("server"), address: value("address"))
    }
}

extension PlanStore {
    /// The routes for taking part that plan.yml at `revision` declares.
    public func participation(at revision: String = "main") throws -> Participation {
        let commit = try resolveRevision(revision)
        guard let bytes = try files(at: commit).read(PlanFiles.plan) else { return Participation() }
        return Participation.read(planFile: bytes)
    }
}
