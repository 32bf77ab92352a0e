import Localization

/// A field of an event file outside the record's limits (`EventBounds`, `ProcessEventBounds`), with why in
/// words for people. The reader quarantines such a file as a damaged record (`PlanError.corruptRecord`).
struct RecordFieldProblem: Error {
    /// The field's name in the file (`clock`, `author`).
    let field: String
    let why: Message

    /// Why a record file could not be read: a field outside the limits, a missing or mistyped field, in words
    /// for people (the decoder's own descriptions stay as it wrote them).
    static func describe(_ error: Error) -> Message {
        switch error {
        case let problem as RecordFieldProblem: L("bad field '\(problem.field)': \(problem.why)")
        case DecodingError.keyNotFound(let key, _): L("missing field '\(key.stringValue)'")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            L("bad field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)")
        case let error as PlanError: error.message
        default: Message(verbatim: "\(error)")
        }
    }
}
