import Foundation

/// The server's own log lines, on standard error: what the server did, never who did it — no
/// addresses, names, contact addresses, tokens or comment text (docs/SERVE.md, "Privacy").
enum ServerLog {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data(("nap serve: " + message + "\n").utf8))
    }
}
