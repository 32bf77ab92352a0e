import Foundation

/// The one JSON writer of the command line: sorted keys, two-space indent, UTF-8 text unescaped. The
/// shapes written are a public interface, documented in docs/CLI.md.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        Console.out(try string(value))
    }

    /// The JSON text of `value`, without a final newline.
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
