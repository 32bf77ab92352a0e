import GitKit

/// Which gated merge brought each commit into main: built once from main's first-parent line, so that
/// attribution can say through which proposal a line arrived.
struct ProposalLineage {
    /// A commit that came in through a merge → the proposal slug named in that merge's trailers.
    private(set) var proposalOf: [ObjectID: String] = [:]
    /// The merge commits on main's first-parent line, newest first, with their proposal slugs.
    private(set) var merges: [(commit: ObjectID, slug: String)] = []

    init(repository: Repository, main: ObjectID) throws {
        for id in try repository.walk(from: [main], firstParentOnly: true) {
            let commit = try repository.commit(id)
            guard commit.parents.count == 2, let slug = Trailers.value("Proposal-Slug", in: commit.message) else { continue }
            merges.append((id, slug))
            proposalOf[id] = slug
            for brought in try repository.walk(from: [commit.parents[1]], hiding: [commit.parents[0]]) where proposalOf[brought] == nil {
                proposalOf[brought] = slug
            }
        }
    }
}

/// Reads git trailers (`Key: value` lines in the last paragraph of a commit message).
public enum Trailers {
    /// Every trailer of a message, in order.
    public static func all(in message: String) -> [(key: String, value: String)] {
        let paragraphs = message.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n")
        guard let last = paragraphs.last else { return [] }
        return last.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
            return (String(key), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// The first value of trailer `key`.
    public static func value(_ key: String, in message: String) -> String? {
        all(in: message).first { $0.key == key }?.value
    }
}
