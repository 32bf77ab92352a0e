import Foundation

/// Symbolic links in the working tree, checked before a plan file is read or saved.
///
/// git stores a symbolic link as a link: a proposal can hold `commitments/x.md → ~/.ssh/id_ed25519`, and
/// whoever checks it out and validates, renders or saves would read a file of theirs into the plan. So a
/// plan file that is (or lies in a folder that is) a link leading out of the plan's folder, or into its
/// `.git` folder, is never read and never saved. Links that stay inside the plan are followed.
enum WorkTreeLinks {
    /// The path to read for `relative` (a path inside the plan, with `/`): nil when nothing is there (or
    /// only a dangling link). Throws `PlanError.symbolicLink` when a link on the way leads outside.
    static func resolve(_ relative: String, root: String) throws -> String? {
        let root = root.hasSuffix("/") ? root : root + "/"
        let realRoot = realPath(root) ?? root
        var prefix = root
        var shown = ""
        let components = relative.split(separator: "/").map(String.init)
        for (index, component) in components.enumerated() {
            let candidate = prefix + component
            shown += (shown.isEmpty ? "" : "/") + component
            var info = stat()
            guard lstat(candidate, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT == S_IFLNK {
                let target = linkTarget(candidate) ?? ""
                let real = realPath(candidate)
                let destination = real ?? lexicalTarget(target, linkFolder: realPath(prefix) ?? prefix)
                if !isInside(destination, root: realRoot) {
                    var targetInfo = stat()
                    let isFolder = index < components.count - 1 || (stat(candidate, &targetInfo) == 0 && targetInfo.st_mode & S_IFMT == S_IFDIR)
                    throw PlanError.symbolicLink(path: shown, target: target, folder: isFolder)
                }
                if real == nil { return nil }
            }
            prefix = candidate + "/"
        }
        return root + relative
    }

    /// True when `path` (absolute, without symbolic links) is inside the plan and not in its `.git` folder.
    static func isInside(_ path: String, root realRoot: String) -> Bool {
        let root = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        guard path.hasPrefix(root) else { return false }
        let rest = path.dropFirst(root.count)
        return !(rest == ".git" || rest.hasPrefix(".git/"))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    /// Where a dangling link's `target` would lead, worked out from the text alone.
    private static func lexicalTarget(_ target: String, linkFolder: String) -> String {
        let absolute = target.hasPrefix("/") ? target : (linkFolder.hasSuffix("/") ? linkFolder : linkFolder + "/") + target
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
