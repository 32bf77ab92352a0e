import Foundation

/// Where a streamed file of the site goes a piece at a time (the response report's downloads, tens of
/// megabytes at national size): each piece is scrubbed of participants' addresses (`Privacy`), then kept
/// in memory (`nap serve`, tests) or written to a file a megabyte at a time, so the file is never held whole.
final class SiteSink {
    private let privacy: Privacy
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 20

    /// `handle`: the file to write into; nil keeps the bytes (`bytes()`).
    init(privacy: Privacy, handle: FileHandle? = nil) {
        self.privacy = privacy
        self.handle = handle
    }

    /// Adds a piece. An address is never split between pieces: each is a whole row or record.
    func write(_ text: String) throws {
        buffer.append(contentsOf: privacy.scrub(text).utf8)
        if let handle, buffer.count >= Self.flushAt {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes what is left to the file.
    func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll()
    }

    /// The bytes kept (a sink without a file).
    func bytes() -> [UInt8] { buffer }
}
