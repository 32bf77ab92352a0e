import Foundation

/// The translations of nap's messages: `Resources/<language>.lproj/*.strings`, the format Apple's and most
/// translators' tools read and write, built into nap (`scripts/messages.py embed`) and parsed by Foundation's
/// property-list reader the first time a message is shown in that language.
///
/// Foundation's `Bundle` lookup is not used: on Linux (Swift 6.3.1, measured) a bundle opened on an
/// `.lproj` folder traps in `localizedString(forKey:value:table:)`, and `Bundle.module` ignores `LANG` and
/// always answers in the development language — and a binary copied away from its resource bundle stops with
/// a fatal error. docs/ARCHITECTURE.md says more.
public enum Catalog {
    /// The translation of `key` into `language`, or nil (English needs none: the key is the English text).
    public static func translation(of key: String, in language: Language) -> String? {
        switch language {
        case .english: nil
        case .traditionalChinese: traditionalChinese[key]
        }
    }

    /// Every key with its Traditional Chinese text (for tests and tools).
    public static var traditionalChineseEntries: [String: String] { traditionalChinese }

    /// The tables' problems found while parsing (a table that does not parse is left out, never a trap).
    public static var problems: [String] { loaded.problems }

    private static let loaded: (table: [String: String], problems: [String]) = parse(EmbeddedMessageCatalogs.files)
    private static var traditionalChinese: [String: String] { loaded.table }

    /// Parses the `zh-Hant.lproj/*.strings` files among `files` (path → text) into one table.
    static func parse(_ files: [String: String]) -> (table: [String: String], problems: [String]) {
        var table: [String: String] = [:]
        var problems: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("zh-Hant.lproj/") {
            do {
                let value = try PropertyListSerialization.propertyList(from: Data(text.utf8), options: [], format: nil)
                guard let entries = value as? [String: String] else {
                    problems.append("\(path): not a table of strings")
                    continue
                }
                table.merge(entries) { first, _ in first }
            } catch {
                problems.append("\(path): \(error)")
            }
        }
        return (table, problems)
    }
}
