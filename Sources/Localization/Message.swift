/// Something nap says to people, in whichever language they read: an English text with its data kept apart
/// (names, counts, paths), so that each language can word it, order it and pluralise it its own way.
///
/// Write one with `L("no proposal named '\(name)'")`: the English text with its placeholders is the key
/// (`no proposal named '%1$@'`) under which `Sources/Localization/Resources/zh-Hant.lproj/*.strings` holds
/// the translation (`"no proposal named '%1$@'" = "沒有名為「%1$@」的提案";`). Every `L("…")` in the sources
/// is found by `scripts/messages.py`, and a test fails when one has no zh-Hant text or its placeholders
/// do not match the English (docs/ARCHITECTURE.md, "Messages in two languages").
///
/// `description` is the English text, so logs, `--json` output and tests do not depend on the language;
/// `localized` is the text in `Language.current`, for people.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// One datum a message carries.
    public enum Argument: Sendable, Hashable {
        /// Text shown as it is (a name, a path, an id).
        case text(String)
        /// A number, written in digits.
        case number(Int)
        /// A message of its own (a word such as "proposal"), translated with the message around it.
        case message(Message)
    }

    /// The English text with `%1$@`, `%2$@`, … where the arguments go and `%%` for a percent sign.
    public let key: String
    /// The arguments, in the order the English text names them.
    public let arguments: [Argument]

    /// A message from its key and arguments (the form `L("…")` builds).
    public init(key: String, arguments: [Argument]) {
        self.key = key
        self.arguments = arguments
    }

    /// Text that is not translated: something a person or a lower layer wrote, shown as it is.
    public init(verbatim text: String) {
        self.init(key: "%1$@", arguments: [.text(text)])
    }

    /// The English text.
    public var description: String { resolved(in: .english) }

    /// The text in the process's language (`Language.current`).
    public var localized: String { resolved(in: .current) }

    /// The text in `language`: its translation when the catalog has one, the English otherwise, with the
    /// arguments put in (messages among them translated too).
    public func resolved(in language: Language) -> String {
        let format = Catalog.translation(of: key, in: language) ?? key
        return Self.substitute(format) { index in
            guard arguments.indices.contains(index) else { return nil }
            switch arguments[index] {
            case .text(let text): return text
            case .number(let number): return String(number)
            case .message(let message): return message.resolved(in: language)
            }
        }
    }

    /// `format` with each `%N$@` replaced by argument N-1 and `%%` by `%`. A placeholder without an
    /// argument is left as it is (the catalog test keeps that from happening); nothing here can trap.
    static func substitute(_ format: String, argument: (Int) -> String?) -> String {
        // Worked on UTF-8 bytes: `%`, `$`, `@` and the digits are ASCII, so they never fall inside a
        // multi-byte character, and every piece copied lies between two of them (whole characters).
        // (Every command's help texts pass through here at start-up: Unicode scalar properties and
        // Foundation's string search cost milliseconds there; this costs microseconds.)
        let bytes = Array(format.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return format }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "%") {
                output.append(byte)
                index += 2
                continue
            }
            var end = index + 1
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            if end > index + 1, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "$"), bytes[end + 1] == UInt8(ascii: "@"),
               let number = Int(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)), let value = argument(number - 1) {
                output.append(contentsOf: value.utf8)
                index = end + 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with every `%` doubled, so that it stands for itself in a format.
    static func escapingPercent(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            output.append(byte)
            if byte == UInt8(ascii: "%") { output.append(byte) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension Message {
    /// Messages put one after another (`a + b`), each translated on its own.
    public static func + (lhs: Message, rhs: Message) -> Message {
        Message(key: "%1$@%2$@", arguments: [.message(lhs), .message(rhs)])
    }

    /// English's singular or plural by `count` (Chinese has one form: the catalog gives both keys the
    /// same text). `L.plural(n, one: L("\(n) error"), other: L("\(n) errors"))`.
    public static func plural(_ count: Int, one: Message, other: Message) -> Message {
        count == 1 ? one : other
    }

    /// Messages one after another with `separator` between them (`L("; ")`), each translated on its own.
    public static func joined(_ messages: [Message], separator: Message) -> Message {
        guard var result = messages.first else { return Message(verbatim: "") }
        for message in messages.dropFirst() { result = result + separator + message }
        return result
    }
}

/// A message: `L("the plan has \(count) errors")`. The English text is the key; see `Message`.
public func L(_ text: MessageLiteral) -> Message {
    Message(key: text.key, arguments: text.arguments)
}

/// The string literal inside `L("…")`: its text becomes the key, its interpolations the arguments. It is
/// its own type (not `Message` itself) so that a message can only be written through `L`, where
/// `scripts/messages.py` finds it.
public struct MessageLiteral: ExpressibleByStringInterpolation, Sendable {
    var key: String
    var arguments: [Message.Argument]

    public init(stringLiteral value: String) {
        key = Message.escapingPercent(value)
        arguments = []
    }

    public init(stringInterpolation: StringInterpolation) {
        key = stringInterpolation.key
        arguments = stringInterpolation.arguments
    }

    /// Builds the key and the arguments of `L("…")`.
    public struct StringInterpolation: StringInterpolationProtocol {
        var key = ""
        var arguments: [Message.Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 4 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            key += Message.escapingPercent(literal)
        }

        private mutating func append(_ argument: Message.Argument) {
            arguments.append(argument)
            key += "%\(arguments.count)$@"
        }

        public mutating func appendInterpolation(_ text: String) { append(.text(text)) }
        public mutating func appendInterpolation(_ text: Substring) { append(.text(String(text))) }
        public mutating func appendInterpolation(_ number: Int) { append(.number(number)) }
        public mutating func appendInterpolation(_ message: Message) { append(.message(message)) }
        public mutating func appendInterpolation<Value: CustomStringConvertible>(_ value: Value) {
            append(.text(value.description))
        }
    }
}

/// A message in JSON is its English text: `--json` output does not change with the language.
extension Message: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        self.init(verbatim: try decoder.singleValueContainer().decode(String.self))
    }
}
