/// Where each page of the site lives, and relative links between them. Paths are relative to the site's
/// folder, with `/` between parts: `en/proposals/open-data.html`. Every link on the site is relative, so
/// the site works from any sub-path of a host and from `file://`.
enum SitePaths {
    static let stylesheet = "assets/site.css"
    static let rootIndex = "index.html"
    static let sitemap = "sitemap.xml"
    static let downloads = "downloads"

    /// A page of one language: `en/` + the page's path.
    static func page(_ path: String, language: String) -> String {
        language + "/" + path
    }

    /// The link from the page at `from` to the file at `to` (both site paths).
    static func relative(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1, fromFolders[fromFolders.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolders.count - common)
        let rest = toParts.dropFirst(common).map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "./" : joined
    }

    /// A file name made of safe characters only (letters, digits, `.`, `_`, `-`), for names from outside
    /// (version tags may contain `/`). Other characters become `-`, and a name that would be hidden or
    /// empty gets a prefix.
    static func safeName(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let safe = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || scalar == "." || scalar == "_" || scalar == "-"
            return safe ? Character(scalar) : "-"
        })
        if out.isEmpty || out.hasPrefix(".") { out = "v-" + out }
        return String(out.prefix(120))
    }
}
