import CLibGit2
import Foundation

/// Text that comes out of libgit2: decoded as UTF-8 with invalid bytes replaced, never a crash.
func text(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(decoding: bytes(pointer), as: UTF8.self)
}

/// The raw bytes of a NUL-terminated C string.
func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
    guard let pointer else { return [] }
    let count = strlen(pointer)
    return pointer.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
}

/// Runs `body` with a C array of C strings (as libgit2's `git_strarray` wants), valid only inside `body`.
func withStrArray<R>(_ strings: [String], _ body: (inout git_strarray) throws -> R) rethrows -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: strings.count)
        return try body(&array)
    }
}

extension git_buf {
    /// The buffer's bytes.
    var byteArray: [UInt8] {
        guard let ptr = self.ptr else { return [] }
        return ptr.withMemoryRebound(to: UInt8.self, capacity: size) { Array(UnsafeBufferPointer(start: $0, count: size)) }
    }
}
