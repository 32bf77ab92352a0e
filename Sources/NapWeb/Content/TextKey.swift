/// A memo's key made of texts, compared and hashed by their UTF-8 bytes. A `String` key is hashed and
/// compared by Unicode canonical equivalence, which normalises every non-ASCII text on each lookup (most
/// of a Chinese comment's cost in `RenderMemo`), and would give two texts that differ only in
/// normalisation one entry: the HTML of the first, bytes the second did not have.
struct TextKey: Hashable, Sendable {
    private let number: Int
    private let first: String
    private let second: String

    /// A text with a number (a prose's heading level).
    init(_ number: Int, _ text: String) {
        self.number = number
        first = text
        second = ""
    }

    /// Two texts (a changed line's old and new text).
    init(_ first: String, _ second: String) {
        number = -1
        self.first = first
        self.second = second
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        TextKey.hashBytes(first, into: &hasher)
        TextKey.hashBytes(second, into: &hasher)
    }

    static func == (left: TextKey, right: TextKey) -> Bool {
        left.number == right.number && sameBytes(left.first, right.first) && sameBytes(left.second, right.second)
    }

    private static func hashBytes(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }

    private static func sameBytes(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        var left = left, right = right
        return left.withUTF8 { one in right.withUTF8 { other in one.elementsEqual(other) } }
    }
}
