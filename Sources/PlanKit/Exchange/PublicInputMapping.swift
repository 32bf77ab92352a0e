import Localization
/// Which column of a platform's export holds what (`nap import public-input --map title=標題,…`).
public struct PublicInputMapping: Sendable, Equatable {
    /// What an imported input is made of.
    public enum Field: String, Sendable, CaseIterable {
        /// The input's id on the platform (required): what makes a re-import import nothing twice.
        case id
        /// A proposal's title (required for new proposals).
        case title
        /// The input's text (required for comments).
        case body
        /// The name of the person who gave it (required).
        case author
        /// When it was submitted (optional).
        case submitted
        /// Its address on the platform (optional).
        case url
    }

    /// The column name for each field.
    public private(set) var columns: [Field: String]

    /// The columns of an export of `platform`: JOIN's Chinese headers for `join`, else the field names.
    public static func defaults(for platform: String) -> PublicInputMapping {
        if platform == "join" {
            return PublicInputMapping(columns: [.id: "編號", .title: "標題", .body: "內容", .author: "提議人", .submitted: "日期", .url: "網址"])
        }
        return PublicInputMapping(columns: Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, $0.rawValue) }))
    }

    /// Applies `field=column,field=column` (`--map`); an unknown field or an empty column is refused.
    public mutating func apply(_ text: String) throws {
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw PlanError.invalidInput(L("--map \(pair): write FIELD=COLUMN, e.g. title=標題"))
            }
            guard let field = Field(rawValue: parts[0]) else {
                throw PlanError.invalidInput(L("--map \(pair): '\(parts[0])' is not a field (use \(Field.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            columns[field] = parts[1]
        }
    }
}
