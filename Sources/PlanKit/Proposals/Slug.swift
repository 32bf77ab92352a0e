import GitKit
import Localization

/// The short name of a proposal, which names its branch `proposal/<slug>`: letters of any script
/// (Chinese included), digits, `-`, `_` and inner `.`; at most 64 characters.
public enum Slug {
    /// Returns nil when `slug` is acceptable, or the reason it is not.
    public static func problem(_ slug: String) -> Message? {
        if slug.isEmpty { return L("it is empty") }
        if slug.count > 64 { return L("it is longer than 64 characters") }
        if slug.contains("/") { return L("it contains '/'") }
        if slug.contains("..") { return L("it contains '..'") }
        if slug.hasPrefix(".") || slug.hasSuffix(".") || slug.hasPrefix("-") { return L("it starts or ends with '.', or starts with '-'") }
        if slug.hasSuffix(".lock") { return L("it ends with '.lock'") }
        for scalar in slug.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.value < 0x20 || scalar.value == 0x7F {
                return L("it contains a control character")
            }
            if scalar.properties.isWhitespace { return L("it contains a space") }
            if !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.".unicodeScalars.contains(scalar)) {
                return L("it contains '\(scalar.escaped(asASCII: true))'; use letters, digits, '-', '_' and '.'")
            }
        }
        if !Repository.isValidReferenceName(RefNames.proposal(slug)) { return L("git does not accept it as a branch name") }
        return nil
    }
}
