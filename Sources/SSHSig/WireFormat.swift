/// Reads the SSH wire encoding (RFC 4251 §5): big-endian `uint32` and length-prefixed `string`s.
///
/// Every read names the field it reads, so a short input throws `SSHSigError.truncated(field)`.
struct WireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// The bytes not read yet.
    var remaining: ArraySlice<UInt8> { bytes[offset...] }

    mutating func readBytes(_ count: Int, field: String) throws(SSHSigError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw .truncated(field) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func readUInt32(field: String) throws(SSHSigError) -> UInt32 {
        try readBytes(4, field: field).reduce(0) { ($0 << 8) | UInt32($1) }
    }

    mutating func readString(field: String) throws(SSHSigError) -> [UInt8] {
        let length = try readUInt32(field: field)
        guard length <= UInt32(Int32.max) else { throw .truncated(field) }
        return try readBytes(Int(length), field: field)
    }

    /// Throws `trailingData` unless everything has been read.
    func expectEnd(of structure: String) throws(SSHSigError) {
        guard isAtEnd else { throw .trailingData(structure) }
    }
}

/// Writes the SSH wire encoding; the counterpart of `WireReader`.
struct WireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    mutating func append(_ value: UInt32) {
        bytes.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) })
    }

    mutating func append(string: some Collection<UInt8>) {
        append(UInt32(string.count))
        bytes.append(contentsOf: string)
    }

    mutating func append(string: String) {
        append(string: Array(string.utf8))
    }
}
