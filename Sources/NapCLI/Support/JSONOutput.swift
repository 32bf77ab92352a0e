import Foundation

/// The one JSON writer of the command line: sorted keys, two-space indent, UTF-8 text unescaped. The
/// shapes written are a public interface, documented in docs/CLI.md.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        Console.out(String(decoding: data, as: UTF8.self))
    }
}
