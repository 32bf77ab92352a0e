import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Saving a private key to disk. Does not create missing folders and never replaces a file.
extension SSHPrivateKey {
    /// Creates `url` with mode 0600 and writes `openSSHFormat` into it.
    ///
    /// Throws `fileExists` if anything (even a dangling symbolic link) is already at that path; a
    /// partly written file is removed.
    public func write(to url: URL) throws(SSHSigError) {
        let path = url.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .fileExists(path: path) }
            throw .writeFailed(path: path, message: String(cString: strerror(code)))
        }
        var failure: Int32?
        if fchmod(descriptor, 0o600) != 0 { failure = errno }
        let bytes = Array(openSSHFormat.utf8)
        var written = 0
        while failure == nil, written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { writeToDescriptor(descriptor, $0) }
            if count > 0 {
                written += count
            } else if errno != EINTR {
                failure = errno
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw .writeFailed(path: path, message: String(cString: strerror(failure)))
        }
    }
}

/// POSIX `write(2)`; a free function because inside the extension `write` names `write(to:)`.
private func writeToDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
    write(descriptor, buffer.baseAddress, buffer.count)
}
