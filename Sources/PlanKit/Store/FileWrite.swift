import Foundation
import Localization

/// Writing whole files, with a failure told in words: which path, why (the folder does not exist, it is
/// a folder, permission denied, …) and what to do, instead of Foundation's "The operation could not be
/// completed. (NSCocoaErrorDomain error 512.)".
public enum FileWrite {
    /// Writes `data` to `path` (atomically unless `options` say otherwise). `shownAs` is the path as the
    /// user gave it, for the message (default: `path`).
    public static func write(_ data: Data, to path: String, shownAs: String? = nil, options: Data.WritingOptions = .atomic) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: options)
        } catch {
            throw PlanError.cannotWrite(shownAs ?? path, error)
        }
    }

    /// Creates the folder `path` and its parents, when missing.
    public static func createFolder(_ path: String, attributes: [FileAttributeKey: Any]? = nil) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: attributes)
        } catch {
            throw PlanError.cannotWrite(path, error, creatingFolder: true)
        }
    }
}

extension PlanError {
    /// The error for a file (or folder) nap could not write: `cannot write <path>: <why>`, with a hint.
    public static func cannotWrite(_ path: String, _ error: any Error, creatingFolder: Bool = false) -> PlanError {
        let code = posixCode(of: error)
        let what = creatingFolder ? L("cannot create the folder \(path)") : L("cannot write \(path)")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let hint: Message
        switch code {
        case ENOENT?: hint = L("create the folder \(folder) first, or choose a path in a folder that exists")
        case EISDIR?: hint = L("give a file name, e.g. \(path.hasSuffix("/") ? path : path + "/")<name>")
        case EACCES?, EPERM?, EROFS?: hint = L("choose a place you may write to, or ask for write access")
        case ENOSPC?, EDQUOT?: hint = L("free some space, or write somewhere else")
        case EEXIST?: hint = L("nap does not overwrite it; move it away, or choose another path")
        default: hint = L("check the path, then try again")
        }
        return .refused(reason: L("\(what): \(reason(code, error))"), hint: hint)
    }

    /// The error for a file nap could not read: `cannot read <path>: <why>`.
    public static func cannotRead(_ path: String, _ error: any Error) -> PlanError {
        .refused(reason: L("cannot read \(path): \(reason(posixCode(of: error), error))"), hint: L("check the path and that you may read it"))
    }

    /// Why, in words: from the POSIX error code when there is one, else the error's own description.
    private static func reason(_ code: Int32?, _ error: any Error) -> Message {
        switch code {
        case ENOENT?: L("there is no such file or folder (the folder it goes in may not exist)")
        case EISDIR?: L("it is a folder")
        case ENOTDIR?: L("a part of the path is a file, not a folder")
        case EACCES?, EPERM?: L("permission denied")
        case EROFS?: L("the file system is read-only")
        case ENOSPC?: L("no space left on the device")
        case EDQUOT?: L("the disk quota is used up")
        case EEXIST?: L("a file is already there")
        case ENAMETOOLONG?: L("the name is too long")
        case let code?: Message(verbatim: String(cString: strerror(code)).lowercased())
        case nil where (error as NSError).domain == NSCocoaErrorDomain: L("the file system refused it")
        case nil: Message(verbatim: "\(error)")
        }
    }

    /// The POSIX error code inside a Foundation error (its own, or the underlying one).
    public static func posixCode(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(truncatingIfNeeded: error.code) }
        // The underlying error may be an NSError or a Swift POSIXError, depending on who made it.
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error, let code = posixCode(of: underlying) {
            return code
        }
        if error.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
            case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
            case .fileWriteFileExists: return EEXIST
            case .fileWriteVolumeReadOnly: return EROFS
            case .fileWriteOutOfSpace: return ENOSPC
            default: return nil
            }
        }
        return nil
    }
}
