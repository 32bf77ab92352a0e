import Localization

/// The rule for ids of commitments and members, which become file names (`commitments/<id>.md`) and
/// parts of branch names: letters of any script (CJK included), ASCII digits, `-`, `_` and `.`;
/// starting with a letter or digit; no `..`; not ending in `.` or `.lock`; at most 64 characters.
/// No `/`, no white space, no control characters.
public enum Identifier {
    /// The longest id accepted, in Unicode scalars.
    public static let maximumLength = 64

    /// Why `id` is not a safe id, or nil when it is.
    public static func problem(in id: String) -> Message? {
        guard let first = id.unicodeScalars.first else { return L("an id cannot be empty") }
        guard id.unicodeScalars.count <= maximumLength else {
            return L("an id has at most \(maximumLength) characters (this one has \(id.unicodeScalars.count))")
        }
        for scalar in id.unicodeScalars where !isAllowed(scalar) {
            switch scalar {
            case "/", "\\": return L("an id cannot contain '\(scalar)'")
            case _ where scalar.properties.isWhitespace: return L("an id cannot contain white space")
            case _ where scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format:
                return L("an id cannot contain control characters")
            default: return L("an id can only use letters, digits, '-', '_' and '.' (not '\(scalar)')")
            }
        }
        guard isLetterOrDigit(first) else { return L("an id must start with a letter or a digit") }
        guard !id.contains("..") else { return L("an id cannot contain '..'") }
        guard !id.hasSuffix("."), !id.hasSuffix(".lock") else { return L("an id cannot end with '.' or '.lock'") }
        return nil
    }

    /// Whether `id` is safe to use as an id.
    public static func isSafe(_ id: String) -> Bool { problem(in: id) == nil }

    /// Throws `FormatError.invalidIdentifier` when `id` is not safe.
    public static func check(_ id: String) throws {
        if let reason = problem(in: id) { throw FormatError.invalidIdentifier(id, reason: reason) }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
